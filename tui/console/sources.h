/*
 * Where an answer came from, in words: the note under a question ("From
 * the My Number card — please check it") and the short mark of the review
 * screen's source column, with its legend.
 */
#ifndef YORISOI_TUI_SOURCES_H
#define YORISOI_TUI_SOURCES_H

#include "engine/engine.h"

/* The sentence under a question whose answer the resident did not type,
 * translated; NULL for typed and unanswered ones. */
const char *source_note(answer_source src);

/* One short mark (a letter, translated) for the review screen; "" for
 * typed and unanswered answers. */
const char *source_mark(answer_source src);

/* The legend of the marks, translated. */
const char *source_legend(void);

#endif
