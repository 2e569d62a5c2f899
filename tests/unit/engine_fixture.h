/*
 * Shared helper for the engine tests that work on a set of forms in a
 * folder of tests/data (engine/set: household and target; engine: the
 * field types), checked against the schema in forms/.
 */
#ifndef YORISOI_TESTS_ENGINE_FIXTURE_H
#define YORISOI_TESTS_ENGINE_FIXTURE_H

#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdio.h>

/* The forms of tests/data/SUB, loaded anew (free with form_set_free);
 * NULL when they do not load. */
static inline form_set *
engine_fixture_set(const char *sub)
{
	char dir[512];
	form_set *s = NULL;
	snprintf(dir, sizeof dir, "%s/%s", test_data_dir(), sub);
	if (form_set_load_dir_schema(dir, "forms", &s, NULL, NULL) != 0) {
		form_set_free(s);
		return NULL;
	}
	return s;
}

#endif
