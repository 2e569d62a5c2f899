/*
 * The paper layout of a form (forms/paper/paper.rng), as paper_layout.c
 * loads it and paper.c draws it. Private to handoff/.
 */
#ifndef YORISOI_HANDOFF_PAPER_H
#define YORISOI_HANDOFF_PAPER_H

#include "handoff/handoff.h"

#define PAPER_WIDTH_MM   210.0
#define PAPER_HEIGHT_MM  297.0
#define PAPER_MARGIN_MM  12.0
#define PAPER_CONTENT_MM (PAPER_WIDTH_MM - 2 * PAPER_MARGIN_MM)
#define PAPER_NUMBER_MM  7.0 /* the row-number column of a table */

typedef enum paper_show {
	PAPER_SHOW_DEFAULT, /* era for dates, text for the rest */
	PAPER_SHOW_TEXT,
	PAPER_SHOW_CIRCLE, /* every choice's term, the chosen ones circled */
	PAPER_SHOW_ERA     /* 明・大・昭・平・令 with the era circled, then 年月日 */
} paper_show;

typedef struct paper_value {
	const field *fld;
	paper_show show;
	char *before, *after; /* around an answered value, or NULL */
	int line;             /* starts a new line */
	int small;            /* smaller text (ふりがな) */
} paper_value;

typedef enum paper_cell_kind { PAPER_BOX, PAPER_SIGN, PAPER_NOTE } paper_cell_kind;

typedef struct paper_cell {
	paper_cell_kind kind;
	double width, height; /* mm; height 0: the row's */
	char *label;          /* box label, signature label; NULL for a note */
	char *text;           /* a note's text */
	paper_value *v;
	size_t nv;
} paper_cell;

typedef struct paper_block {
	int is_table;
	double height; /* a row's height, or a table row's height (mm) */
	paper_cell *cells;
	size_t ncells;
	const form_repeat *repeat; /* tables */
	int rows;                  /* tables: rows drawn at least */
	char *number;              /* tables: heading of the row-number column, or NULL */
} paper_block;

struct handoff_layout {
	const form *f;
	char *path;
	char *title, *subtitle;
	paper_block *blocks;
	size_t nblocks;
};

#endif
