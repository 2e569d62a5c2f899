/*
 * Small helpers the engine's files share: allocation that aborts on
 * exhaustion, UTF-8 coding, a string builder, width folding, diagnostics.
 */
#include "engine/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>

/* Out of memory is not a recoverable error here (STYLE.md habit 3). */
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
 * Strict UTF-8 decoding: rejects overlong forms, surrogates, code points
 * above U+10FFFF and truncated sequences, so that everything the engine
 * stores is valid UTF-8.
 */
size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t n;

	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	} else if ((u[0] & 0xE0) == 0xC0) {
		c = u[0] & 0x1F;
		n = 2;
	} else if ((u[0] & 0xF0) == 0xE0) {
		c = u[0] & 0x0F;
		n = 3;
	} else if ((u[0] & 0xF8) == 0xF0) {
		c = u[0] & 0x07;
		n = 4;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
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
		b->p = eng_xrealloc(b->p, cap);
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
			free(sbuf_take(&b));
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
char *
nfc(const char *s)
{
	size_t n = 0;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s), NULL, &n);
	char *out;
	if (!r)
		return eng_xstrdup(s);
	out = eng_xstrndup((const char *)r, n);
	free(r);
	return out;
}
