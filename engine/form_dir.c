/*
 * Loading every definition of a folder into a form set, in file-name order.
 */
#include "engine/internal.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_xml_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

int
form_set_load_dir(const char *dir, form_set **out, form_diag_fn diag, void *ctx)
{
	return form_set_load_dir_schema(dir, NULL, out, diag, ctx);
}

/*
 * Loads the *.xml files of dir in name order. A form whose id another file
 * already used is reported and skipped, so form_set_find is unambiguous.
 */
int
form_set_load_dir_schema(const char *dir, const char *schema_dir, form_set **out, form_diag_fn diag,
                         void *ctx)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t nnames = 0;
	int failures = 0;
	form_set *s;

	*out = NULL;
	d = opendir(dir);
	if (!d) {
		diag_report(diag, ctx, dir, 0, "cannot read the folder: %s", strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (!is_xml_name(de->d_name))
			continue;
		names = eng_xrealloc(names, (nnames + 1) * sizeof *names);
		names[nnames++] = eng_xstrdup(de->d_name);
	}
	closedir(d);
	if (nnames)
		qsort(names, nnames, sizeof *names, cmp_names);

	s = eng_xcalloc(1, sizeof *s);
	for (size_t i = 0; i < nnames; i++) {
		char path[PATH_MAX];
		form *f;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		free(names[i]);
		if (form_load(path, schema_dir, &f, diag, ctx) != 0) {
			failures++;
			continue;
		}
		if (form_set_find(s, f->id)) {
			diag_report(diag, ctx, path, 0, "form id \"%s\" is already used by %s",
			            f->id, form_path(form_set_find(s, f->id)));
			form_free(f);
			failures++;
			continue;
		}
		s->forms = eng_xrealloc(s->forms, (s->n + 1) * sizeof *s->forms);
		s->forms[s->n++] = f;
	}
	free(names);
	*out = s;
	return failures;
}
