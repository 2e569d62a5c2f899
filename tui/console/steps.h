/*
 * The console's view of the engine's steps: a question of one repeat
 * instance, or "add another?". Also how a step is kept as the draft's
 * position, so a resumed draft opens where the resident stopped.
 */
#ifndef YORISOI_TUI_STEPS_H
#define YORISOI_TUI_STEPS_H

#include <stddef.h>

#include "engine/engine.h"

/* The draft position of a step. */
int step_encode(const form_step *s);

/* The step for a saved position, or the first step when it no longer
 * exists (the answers changed what applies). False for an empty form. */
bool step_decode(const answers *a, int position, form_step *out);

bool step_equal(const form_step *x, const form_step *y);

/* Whether both steps ask about the same person: the same instance of the
 * same repeat (false outside repeats). */
bool step_same_person(const form_step *x, const form_step *y);

/* "Question 3 of 11", counting the steps that apply now: on a question
 * about one person of a household list, that person's questions only;
 * elsewhere the questions outside the lists (and each list's "add
 * another?"). So adding a person does not move the count's end: the
 * counter no longer jumps from "of 19" to "of 26". */
void step_progress(const answers *a, const form_step *at, int *pos, int *total);

/* Collects up to max question steps (no add-another) in order; returns how
 * many. */
int step_list(const answers *a, form_step *out, int max);

/* "Person moving 2（異動者）" for a step inside a repeat; "" outside. */
const char *step_instance_title(const form *f, const form_step *s, char *buf, size_t n);

#endif
