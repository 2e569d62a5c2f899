/*
 * The counter's cover sheet before the printed form: which form and
 * version, which desk made the code and whether its signature and seal
 * were checked, the procedures the household also needs (the form's
 * <next> rules that hold), and the characters to confirm (tui/jis.h). In
 * Japanese, for the clerk, like `handoff decode --summary`.
 */
#ifndef YORISOI_TUI_COVER_H
#define YORISOI_TUI_COVER_H

#include "engine/engine.h"
#include "handoff/handoff.h"

#define COVER_LINES 8

typedef struct tui_cover {
	handoff_cover cover; /* what handoff_form_write_pdf takes */
	handoff_slip_line lines[COVER_LINES];
	char text[COVER_LINES][320];
	handoff_cover_list lists[2];
	char **related, **marks;
	size_t nrelated, nmarks;
} tui_cover;

/* The official names of the procedures whose <next> rules hold for these
 * answers, in form order; malloc'd array of malloc'd strings. */
size_t cover_related(const answers *a, char ***out);

/* Builds the sheet; origin is NULL for answers that did not come from a
 * scanned code (then the desk line says so). */
void cover_build(tui_cover *c, const answers *a, const handoff_origin *origin, const char *lang);
void cover_free(tui_cover *c);

/* The day the desk made the code, for the clerk: "令和8年12月1日
 * （2026-12-01）", or "" when the code does not carry it (format 4). */
const char *cover_made(const handoff_origin *o, char *buf, size_t n);

#endif
