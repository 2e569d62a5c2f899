/*
 * Small helpers the engine's files share: allocation that aborts on
 * exhaustion, UTF-8 coding, a string builder, width folding, diagnostics.
 */
#include "engine/internal.h"

#include <unistr.h>

#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>

/* Out of memory is not a recoverable error here (the policy in engine.h). */
static void
oom(void)
{
	fputs("yorisoi: out of memory\n", stderr);
	abort();
}

void *
eng_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *
eng_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *
eng_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom();
	return q;
}

void
wipe_free(void *p)
{
	if (!p)
		return;
	explicit_bzero(p, malloc_usable_size(p));
	free(p);
}

void *
wipe_realloc(void *p, size_t used, size_t n)
{
	void *q = eng_xmalloc(n);
	if (used)
		memcpy(q, p, used);
	wipe_free(p);
	return q;
}

char *
eng_xstrdup(const char *s)
{
	return eng_xstrndup(s, strlen(s));
}

char *
eng_xstrndup(const char *s, size_t n)
{
	char *p = eng_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * Strict UTF-8 decoding through libunistring's u8_mbtoucr, which rejects
 * overlong forms, surrogates, code points above U+10FFFF and truncated
 * sequences, so that everything the engine stores is valid UTF-8.
 */
size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	ucs4_t c;
	if (len == 0)
		return 0;
	int k = u8_mbtoucr(&c, (const uint8_t *)s, len);
	if (k <= 0)
		return 0;
	*cp = c;
	return (size_t)k;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	int k = u8_uctomb((uint8_t *)out, cp, 4);
	return k > 0 ? (size_t)k : 0;
}

long
utf8_length(const char *s)
{
	size_t len = strlen(s), i = 0;
	long count = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			return -1;
		i += k;
		count++;
	}
	return count;
}

void
sbuf_add(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = wipe_realloc(b->p, b->len ? b->len + 1 : 0, cap); /* may be an answer */
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
sbuf_add_cp(sbuf *b, uint32_t cp)
{
	char tmp[4];
	sbuf_add(b, tmp, utf8_encode(cp, tmp));
}

char *
sbuf_take(sbuf *b)
{
	char *p = b->p ? b->p : eng_xstrdup("");
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

char *
fold_width(const char *s)
{
	sbuf b = {0};
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			wipe_free(sbuf_take(&b));
			return NULL;
		}
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp = cp - 0xFF01 + 0x21;
		else if (cp == 0x3000)
			cp = ' ';
		sbuf_add_cp(&b, cp);
		i += k;
	}
	return sbuf_take(&b);
}

char *
normalize_space(const char *s)
{
	sbuf b = {0};
	bool pending = false;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			pending = b.len > 0;
			continue;
		}
		if (pending)
			sbuf_add(&b, " ", 1);
		pending = false;
		sbuf_add(&b, s, 1);
	}
	return sbuf_take(&b);
}

void
diag_report(form_diag_fn fn, void *ctx, const char *file, int line, const char *fmt, ...)
{
	form_diag d;
	va_list ap;

	if (!fn)
		return;
	snprintf(d.file, sizeof d.file, "%s", file ? file : "");
	d.line = line > 0 ? line : 0;
	va_start(ap, fmt);
	vsnprintf(d.message, sizeof d.message, fmt, ap);
	va_end(ap);
	fn(&d, ctx);
}

/*
 * Unicode NFC through libunistring. The input is valid UTF-8 (callers
 * checked); a failure other than out of memory cannot happen then, but
 * would leave the text as it was.
 */
static char *
normalize(uninorm_t nf, const char *s)
{
	size_t n = 0;
	uint8_t *r = u8_normalize(nf, (const uint8_t *)s, strlen(s), NULL, &n);
	char *out;
	if (!r)
		return eng_xstrdup(s);
	out = eng_xstrndup((const char *)r, n);
	wipe_free(r);
	return out;
}

char *
nfc(const char *s)
{
	return normalize(UNINORM_NFC, s);
}

/* NFKC folds the width variants people type (１ and 1, ｶ and カ), for
 * comparing a typed text with a choice, never for storing it. */
char *
nfkc(const char *s)
{
	return normalize(UNINORM_NFKC, s);
}
