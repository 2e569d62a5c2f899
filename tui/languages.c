/* The languages the console offers (see languages.h). */
#include "tui/languages.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_LANGUAGES = 64 };

static tui_language langs[MAX_LANGUAGES];
static size_t nlangs;

/* The value of "Field: value" in a PO header, copied into out ("" when
 * the field is missing). */
static void
header_field(const char *header, const char *name, char *out, size_t n)
{
	size_t len = strlen(name);
	out[0] = '\0';
	for (const char *p = header; p && *p;) {
		const char *eol = strchr(p, '\n');
		size_t linelen = eol ? (size_t)(eol - p) : strlen(p);
		if (linelen > len + 1 && strncmp(p, name, len) == 0 && p[len] == ':') {
			const char *v = p + len + 1;
			while (*v == ' ')
				v++;
			size_t vlen = linelen - (size_t)(v - p);
			if (vlen >= n)
				vlen = n - 1;
			memcpy(out, v, vlen);
			out[vlen] = '\0';
			return;
		}
		p = eol ? eol + 1 : NULL;
	}
}

static void
add(const char *code)
{
	char header[4096], lang[32];
	tui_language *l = &langs[nlangs];
	if (nlangs == MAX_LANGUAGES || strlen(code) >= sizeof l->code || tui_language_find(code))
		return;
	if (strcmp(code, "en") == 0 && i18n_catalogue_header("en", header, sizeof header) != 0)
		header[0] = '\0'; /* the source language needs no catalogue */
	else if (i18n_catalogue_header(code, header, sizeof header) != 0)
		return;
	/* glibc falls back from ja@easy to ja and from zh_CN to zh: only the
	 * catalogue that names this very language counts */
	header_field(header, "Language", lang, sizeof lang);
	if (strcmp(code, "en") != 0 && strcmp(lang, code) != 0)
		return;
	snprintf(l->code, sizeof l->code, "%s", code);
	header_field(header, "X-Language-Name", l->native, sizeof l->native);
	header_field(header, "X-Language-Name-Ja", l->japanese, sizeof l->japanese);
	header_field(header, "X-Script", l->script, sizeof l->script);
	header_field(header, "X-Slip-Font", l->slip_font, sizeof l->slip_font);
	if (!l->native[0])
		snprintf(l->native, sizeof l->native, "%s",
		         strcmp(code, "en") == 0 ? "English" : code);
	if (!l->japanese[0])
		memcpy(l->japanese, l->native, sizeof l->japanese); /* same size */
	nlangs++;
}

int
tui_languages_listed(void (*each)(const char *code, void *ctx), void *ctx)
{
	char *text = tui_file_read(tui_path_linguas(), 64 * 1024, NULL);
	if (!text)
		return -1;
	/* LINGUAS: codes separated by white space, # starts a comment */
	for (char *p = text; *p;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (*p == '#') {
			p += strcspn(p, "\n");
			continue;
		}
		size_t len = strcspn(p, " \t\r\n#");
		if (len == 0)
			break;
		char code[32];
		snprintf(code, sizeof code, "%.*s", (int)(len < 31 ? len : 31), p);
		each(code, ctx);
		p += len;
	}
	free(text);
	return 0;
}

static void
add_listed(const char *code, void *ctx)
{
	(void)ctx;
	add(code);
}

size_t
tui_languages_load(void)
{
	nlangs = 0;
	tui_languages_listed(add_listed, NULL);
	if (!tui_language_find("en"))
		add("en");
	return nlangs;
}

size_t
tui_language_count(void)
{
	return nlangs;
}

const tui_language *
tui_language_at(size_t i)
{
	return i < nlangs ? &langs[i] : NULL;
}

const tui_language *
tui_language_find(const char *code)
{
	for (size_t i = 0; i < nlangs; i++)
		if (strcmp(langs[i].code, code) == 0)
			return &langs[i];
	return NULL;
}

bool
tui_language_needs_shaping(const tui_language *l)
{
	return strcmp(l->script, "Deva") == 0 || strcmp(l->script, "Mymr") == 0;
}

void
tui_languages_put_first(const char *const *codes, size_t n)
{
	size_t front = 0;
	for (size_t i = 0; i < n; i++) {
		size_t at = front;
		while (at < nlangs && strcmp(langs[at].code, codes[i]) != 0)
			at++;
		if (at == nlangs)
			continue; /* not installed, or named twice */
		tui_language moved = langs[at];
		memmove(&langs[front + 1], &langs[front], (at - front) * sizeof langs[0]);
		langs[front++] = moved;
	}
}
