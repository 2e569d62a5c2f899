/*
 * Shared helper for the handoff tests (tests/unit/handoff_*_test.c and
 * tui_signing_test.c): the fixture forms, loaded once.
 */
#ifndef YORISOI_TESTS_HANDOFF_FIXTURE_H
#define YORISOI_TESTS_HANDOFF_FIXTURE_H

/* The day the test vectors were made (docs/handoff-format.md): day 9831
 * after 2000-01-01, bytes 0x26 0x67. */
#define HX_VECTOR_DAY "2026-12-01"

#include "engine/engine.h"

/* tests/data/forms checked against the schema in forms/, loaded on first
 * use and kept for the run; NULL when they do not load (the reasons are
 * printed). */
form_set *hx_forms(void);

#endif
