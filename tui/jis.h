/*
 * Characters the city's resident-register systems may not hold. Those
 * systems are built on JIS X 0208 (with their own 外字 for the rest); JIS X
 * 0213 adds many name characters (﨑, é), and some are in neither (𠮷, 髙).
 * The counter marks every answer with a character outside JIS X 0208, so
 * the clerk confirms its 字形 or corrects it before printing. glibc's iconv
 * holds both tables (ISO-2022-JP for JIS X 0208, EUC-JISX0213).
 */
#ifndef YORISOI_TUI_JIS_H
#define YORISOI_TUI_JIS_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/engine.h"

typedef enum jis_class {
	JIS_X0208,  /* in JIS X 0208, or ASCII */
	JIS_X0213,  /* only in JIS X 0213 */
	JIS_NEITHER /* in neither */
} jis_class;

/* One answer with characters outside JIS X 0208. */
typedef struct jis_mark {
	const field *fld;
	const form_repeat *repeat; /* the repeat it is in, or NULL */
	int instance;              /* repeat instance, 0 outside repeats */
	char value[512];           /* the answer */
	char chars[256];           /* the marked characters, each once, in order */
	jis_class worst;           /* JIS_NEITHER when any character is in neither */
} jis_mark;

/* The class of the UTF-8 character at s (len bytes). */
jis_class jis_classify(const char *s, size_t len);

/* The applicable text answers with characters outside JIS X 0208, in form
 * order; *out is malloc'd (free it), NULL when there are none. */
size_t jis_marks(const answers *a, jis_mark **out);

/* "異動者 2 氏名" or "届出人氏名": where a mark is, in the form's terms. */
void jis_mark_where(const jis_mark *m, char *buf, size_t n);

#endif
