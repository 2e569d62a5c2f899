/*
 * An answer as the resident enters it: the engine's validation, and then
 * the checks that hold only at the moment of entry, such as a date's
 * window ("up to 14 days from today"), which a resumed draft or a scanned
 * code must not fail later.
 */
#ifndef YORISOI_TUI_ENTRY_H
#define YORISOI_TUI_ENTRY_H

#include "engine/engine.h"

answer_status entry_set(answers *a, const field *fld, int instance, const char *value,
                        answer_error *err);

#endif
