/* Helpers for the handoff tests; see handoff_fixture.h. No tests here. */
#include "tests/unit/handoff_fixture.h"
#include "tests/unit/test.h"

#include <stdio.h>

static void
print_diag(const form_diag *d, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "    %s:%d: %s\n", d->file, d->line, d->message);
}

form_set *
hx_forms(void)
{
	static form_set *s;
	char dir[512];
	if (!s) {
		snprintf(dir, sizeof dir, "%s/forms", test_data_dir());
		if (form_set_load_dir_schema(dir, "forms", &s, print_diag, NULL) < 0)
			s = NULL;
	}
	return s;
}
