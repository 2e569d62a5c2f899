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

/* The *.xml names of dir, sorted; -1 when dir cannot be read. */
static int
list_xml(const char *dir, char ***out, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	*out = NULL;
	*n = 0;
	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (!is_xml_name(de->d_name))
			continue;
		*out = eng_xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = eng_xstrdup(de->d_name);
	}
	closedir(d);
	if (*n)
		qsort(*out, *n, sizeof **out, cmp_names);
	return 0;
}

static void
push(form ***v, size_t *n, form *f)
{
	*v = eng_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = f;
}

/*
 * Loads the older versions kept in dir/archive (forms/archive/): drafts
 * and handoff codes made with them must still open. Each must be older
 * than the current form of its id, and (id, version) unique; the schema
 * is the one of dir (or schema_dir). A missing folder is no archive.
 */
static int
load_archive(form_set *s, const char *dir, const char *schema_dir, form_diag_fn diag, void *ctx)
{
	char adir[PATH_MAX];
	char **names;
	size_t nnames;
	int failures = 0;

	snprintf(adir, sizeof adir, "%s/archive", dir);
	if (list_xml(adir, &names, &nnames) != 0)
		return 0;
	for (size_t i = 0; i < nnames; i++) {
		char path[PATH_MAX + 256];
		form *f;
		const form *now;
		snprintf(path, sizeof path, "%s/%s", adir, names[i]);
		free(names[i]);
		if (form_load(path, schema_dir ? schema_dir : dir, &f, diag, ctx) != 0) {
			failures++;
			continue;
		}
		now = form_set_find(s, f->id);
		if (!now || now->version <= f->version ||
		    form_set_find_version(s, f->id, f->version)) {
			diag_report(diag, ctx, path, 0,
			            "an archived form must be an older version of a current form, "
			            "once (\"%s\" version %d)",
			            f->id, f->version);
			form_free(f);
			failures++;
			continue;
		}
		push(&s->old, &s->nold, f);
	}
	free(names);
	return failures;
}

/*
 * Loads the *.xml files of dir in name order. A form whose id another file
 * already used is reported and skipped, so form_set_find is unambiguous.
 * Then the older versions of dir/archive, which only
 * form_set_find_version sees.
 */
int
form_set_load_dir_schema(const char *dir, const char *schema_dir, form_set **out, form_diag_fn diag,
                         void *ctx)
{
	char **names = NULL;
	size_t nnames = 0;
	int failures = 0;
	form_set *s;

	*out = NULL;
	if (list_xml(dir, &names, &nnames) != 0) {
		diag_report(diag, ctx, dir, 0, "cannot read the folder: %s", strerror(errno));
		return -1;
	}

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
		push(&s->forms, &s->n, f);
	}
	free(names);
	failures += load_archive(s, dir, schema_dir, diag, ctx);
	*out = s;
	return failures;
}
