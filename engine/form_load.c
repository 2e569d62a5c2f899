/*
 * Loading definitions: libxml2 parses the file (keeping line numbers),
 * RELAX NG (forms/form.rng) checks its shape, then this file builds the
 * form structures and form_check.c checks their meaning. Every problem is
 * reported as "file:line: message" through the caller's callback; nothing
 * is printed.
 */
#include "engine/internal.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define FORM_NS        "urn:yorisoi:form:1"
#define MAX_COND_DEPTH 32
#define TEXT_MAX_LEN   200 /* default max="" of text fields, in characters */
#define KANA_MAX_LEN   100
#define NUMBER_MIN     0
#define NUMBER_MAX     999999

static const char *const prefill_sources[] = {
        "card.name",    "card.family_name", "card.given_name", "card.name_alpha",
        "card.address", "card.birth",       "card.sex",        "today",
};

bool
prefill_source_known(const char *name)
{
	for (size_t i = 0; i < sizeof prefill_sources / sizeof prefill_sources[0]; i++)
		if (strcmp(name, prefill_sources[i]) == 0)
			return true;
	return false;
}

static const char *const type_names[] = {"text",  "kana",   "date",  "choice",
                                         "multi", "number", "phone", "postal"};

const char *
field_type_name(field_type t)
{
	return (unsigned)t < sizeof type_names / sizeof type_names[0] ? type_names[t] : "?";
}

/* Where libxml2's errors go while one file is being loaded. */
typedef struct load_ctx {
	const char *path;
	form_diag_fn diag;
	void *ctx;
	int errors;
	int last_line;
	char last_msg[512];
} load_ctx;

/* libxml2's structured error callback: one diagnostic per error, with
 * libxml2's own line and message (minus its trailing newline). */
static void
on_xml_error(void *user, xmlErrorPtr e)
{
	load_ctx *lc = user;
	char msg[512];
	size_t n;

	if (!e || e->level == XML_ERR_WARNING)
		return;
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	/* libxml2 repeats some errors (entity loops) once per reference. */
	if (e->line == lc->last_line && strcmp(msg, lc->last_msg) == 0)
		return;
	lc->last_line = e->line;
	snprintf(lc->last_msg, sizeof lc->last_msg, "%s", msg);
	lc->errors++;
	/* Schema messages do not always name the element; say which one. */
	if (e->domain == XML_FROM_RELAXNGV && e->node) {
		const xmlNode *node = e->node;
		xmlChar *id = node->type == XML_ELEMENT_NODE
		                      ? xmlGetProp(node, (const xmlChar *)"id")
		                      : NULL;
		diag_report(lc->diag, lc->ctx, lc->path, e->line, "in <%s%s%s%s>: %s",
		            (const char *)node->name, id ? " id=\"" : "",
		            id ? (const char *)id : "", id ? "\"" : "", msg);
		xmlFree(id);
		return;
	}
	diag_report(lc->diag, lc->ctx, lc->path, e->line, "%s", msg);
}

static bool
is_elem(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, FORM_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

static char *
get_attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;
	if (!v)
		return NULL;
	s = eng_xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The element's text with whitespace collapsed as xgettext does. */
static char *
get_text(const xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s = normalize_space(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

static const xmlNode *
first_child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (is_elem(c, name))
			return c;
	return NULL;
}

static char *
child_text(const xmlNode *n, const char *name)
{
	const xmlNode *c = first_child(n, name);
	return c ? get_text(c) : NULL;
}

static bool
get_bool_attr(const xmlNode *n, const char *name)
{
	char *v = get_attr(n, name);
	bool b = v && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
	free(v);
	return b;
}

/* Reads an integer attribute; false (with a diagnostic) when it is
 * present but not an int. */
static bool
get_int_attr(load_ctx *lc, const xmlNode *n, const char *name, int *out, bool *present)
{
	char *v = get_attr(n, name), *end;
	long l;
	bool ok = true;

	*present = v != NULL;
	if (!v)
		return true;
	errno = 0;
	l = strtol(v, &end, 10);
	if (errno || end == v || *end || l < INT_MIN || l > INT_MAX) {
		diag_report(lc->diag, lc->ctx, lc->path, xmlGetLineNo(n),
		            "attribute %s=\"%s\" is not a whole number", name, v);
		lc->errors++;
		ok = false;
	} else {
		*out = (int)l;
	}
	free(v);
	return ok;
}

static int
parse_field_type(const char *s, field_type *t)
{
	for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (s && strcmp(s, type_names[i]) == 0) {
			*t = (field_type)i;
			return 0;
		}
	return -1;
}

static void
load_choice(const xmlNode *n, choice_list *l)
{
	choice *c;
	l->items = eng_xrealloc(l->items, (l->n + 1) * sizeof *l->items);
	c = &l->items[l->n++];
	c->id = get_attr(n, "id");
	if (!c->id)
		c->id = eng_xstrdup("");
	c->label = child_text(n, "label");
	if (!c->label)
		c->label = eng_xstrdup("");
	c->term = child_text(n, "term");
	if (!c->term)
		c->term = eng_xstrdup("");
	c->code = get_attr(n, "code");
	c->line = xmlGetLineNo(n);
}

static void
load_choices(const xmlNode *n, choice_list *l)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (is_elem(c, "choice"))
			load_choice(c, l);
}

static const struct {
	const char *name;
	cond_kind kind;
} cond_names[] = {
        {"equals", COND_EQUALS},     {"not-equals", COND_NOT_EQUALS},
        {"includes", COND_INCLUDES}, {"answered", COND_ANSWERED},
        {"all", COND_ALL},           {"any", COND_ANY},
        {"not", COND_NOT},
};

/*
 * Builds a condition from an element of <show-if> or <required-if>. Returns NULL (with a
 * diagnostic) for an element that is not a condition or nests too deep;
 * the schema normally rejects both first.
 */
static condition *
load_condition(load_ctx *lc, const xmlNode *n, int depth)
{
	condition *c;
	size_t k;

	for (k = 0; k < sizeof cond_names / sizeof cond_names[0]; k++)
		if (is_elem(n, cond_names[k].name))
			break;
	if (k == sizeof cond_names / sizeof cond_names[0] || depth > MAX_COND_DEPTH) {
		diag_report(lc->diag, lc->ctx, lc->path, xmlGetLineNo(n),
		            depth > MAX_COND_DEPTH ? "conditions nested too deeply"
		                                   : "<%s> is not a condition",
		            (const char *)n->name);
		lc->errors++;
		return NULL;
	}
	c = eng_xcalloc(1, sizeof *c);
	c->kind = cond_names[k].kind;
	c->line = xmlGetLineNo(n);
	switch (c->kind) {
	case COND_ALL:
	case COND_ANY:
	case COND_NOT:
		for (const xmlNode *ch = n->children; ch; ch = ch->next) {
			condition *kid;
			if (ch->type != XML_ELEMENT_NODE)
				continue;
			kid = load_condition(lc, ch, depth + 1);
			if (!kid)
				continue;
			c->kids = eng_xrealloc(c->kids, (c->nkids + 1) * sizeof *c->kids);
			c->kids[c->nkids++] = kid;
		}
		break;
	default:
		c->field = get_attr(n, "field");
		c->value = get_attr(n, "value");
		break;
	}
	return c;
}

/* The one condition inside <show-if> or <required-if> (w may be NULL). */
static condition *
load_wrapped_condition(load_ctx *lc, const xmlNode *w)
{
	condition *c = NULL;
	if (!w)
		return NULL;
	for (const xmlNode *ch = w->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (c) {
			diag_report(
			        lc->diag, lc->ctx, lc->path, xmlGetLineNo(ch),
			        "<%s> takes exactly one condition; wrap several in <all> or <any>",
			        (const char *)w->name);
			lc->errors++;
			break;
		}
		c = load_condition(lc, ch, 0);
	}
	return c;
}

/* Builds one <field>; section is the heading it sits under, or NULL. */
static void
load_field(load_ctx *lc, form *f, const xmlNode *n, const char *section)
{
	field *fld = eng_xcalloc(1, sizeof *fld);
	char *type = get_attr(n, "type");

	fld->line = xmlGetLineNo(n);
	fld->id = get_attr(n, "id");
	if (!fld->id)
		fld->id = eng_xstrdup("");
	if (parse_field_type(type, &fld->type) != 0) {
		diag_report(lc->diag, lc->ctx, lc->path, fld->line,
		            "field \"%s\": unknown type \"%s\"", fld->id, type ? type : "");
		lc->errors++;
	}
	free(type);
	fld->label = child_text(n, "label");
	if (!fld->label)
		fld->label = eng_xstrdup("");
	fld->term = child_text(n, "term");
	if (!fld->term)
		fld->term = eng_xstrdup("");
	fld->help = child_text(n, "help");
	fld->section = section;
	fld->required = get_bool_attr(n, "required");
	fld->past = get_bool_attr(n, "past");
	fld->prefill = get_attr(n, "prefill");
	fld->choices_ref = get_attr(n, "choices");
	get_int_attr(lc, n, "min", &fld->min, &fld->has_min);
	get_int_attr(lc, n, "max", &fld->max, &fld->has_max);
	if (!fld->has_min)
		fld->min = fld->type == FIELD_NUMBER ? NUMBER_MIN : 0;
	if (!fld->has_max)
		fld->max = fld->type == FIELD_NUMBER ? NUMBER_MAX
		           : fld->type == FIELD_KANA ? KANA_MAX_LEN
		                                     : TEXT_MAX_LEN;
	load_choices(n, &fld->inline_choices);
	fld->show_if = load_wrapped_condition(lc, first_child(n, "show-if"));
	fld->required_if = load_wrapped_condition(lc, first_child(n, "required-if"));
	fld->index = f->nfields;
	f->fields = eng_xrealloc(f->fields, (f->nfields + 1) * sizeof *f->fields);
	f->fields[f->nfields++] = fld;
}

static void
load_section(load_ctx *lc, form *f, const xmlNode *n)
{
	char *label = child_text(n, "label");
	if (!label)
		label = eng_xstrdup("");
	f->sections = eng_xrealloc(f->sections, (f->nsections + 1) * sizeof *f->sections);
	f->sections[f->nsections++] = label;
	for (const xmlNode *c = n->children; c; c = c->next)
		if (is_elem(c, "field"))
			load_field(lc, f, c, label);
}

/* Builds the form from a document the schema accepted. */
static form *
build_form(load_ctx *lc, const xmlNode *root)
{
	form *f = eng_xcalloc(1, sizeof *f);
	bool has_version;

	f->path = eng_xstrdup(lc->path);
	f->id = get_attr(root, "id");
	if (!f->id)
		f->id = eng_xstrdup("");
	get_int_attr(lc, root, "version", &f->version, &has_version);
	f->title = child_text(root, "title");
	if (!f->title)
		f->title = eng_xstrdup("");
	f->label = child_text(root, "label");
	if (!f->label)
		f->label = eng_xstrdup("");
	f->description = child_text(root, "description");
	for (const xmlNode *c = root->children; c; c = c->next) {
		if (is_elem(c, "choices")) {
			choice_list *l;
			f->lists = eng_xrealloc(f->lists, (f->nlists + 1) * sizeof *f->lists);
			l = &f->lists[f->nlists++];
			memset(l, 0, sizeof *l);
			l->id = get_attr(c, "id");
			if (!l->id)
				l->id = eng_xstrdup("");
			l->line = xmlGetLineNo(c);
			load_choices(c, l);
		} else if (is_elem(c, "section")) {
			load_section(lc, f, c);
		} else if (is_elem(c, "field")) {
			load_field(lc, f, c, NULL);
		}
	}
	return f;
}

static bool
file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* form.rng beside the file, else in schema_dir; false when neither. */
static bool
find_schema(const char *path, const char *schema_dir, char *out, size_t n)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path) : 1;
	snprintf(out, n, "%.*s/form.rng", dirlen, slash ? path : ".");
	if (file_exists(out))
		return true;
	if (schema_dir) {
		snprintf(out, n, "%s/form.rng", schema_dir);
		if (file_exists(out))
			return true;
	}
	return false;
}

/* Validates doc against the schema at rng; returns the number of errors
 * (a schema that does not parse counts as one). */
static int
validate_schema(load_ctx *lc, const char *rng, xmlDocPtr doc)
{
	xmlRelaxNGParserCtxtPtr pctx = NULL;
	xmlRelaxNGPtr schema = NULL;
	xmlRelaxNGValidCtxtPtr vctx = NULL;
	load_ctx schema_lc = {rng, lc->diag, lc->ctx, 0, 0, ""};
	int before = lc->errors, rc;

	/* The schema's own XML errors go through the global handler: make
	 * them name the schema file, not the form. */
	xmlSetStructuredErrorFunc(&schema_lc, on_xml_error);
	pctx = xmlRelaxNGNewParserCtxt(rng);
	if (!pctx)
		goto bad_schema;
	xmlRelaxNGSetParserStructuredErrors(pctx, on_xml_error, &schema_lc);
	schema = xmlRelaxNGParse(pctx);
	xmlSetStructuredErrorFunc(lc, on_xml_error);
	if (!schema)
		goto bad_schema;
	vctx = xmlRelaxNGNewValidCtxt(schema);
	if (!vctx)
		goto bad_schema;
	xmlRelaxNGSetValidStructuredErrors(vctx, on_xml_error, lc);
	rc = xmlRelaxNGValidateDoc(vctx, doc);
	if (rc != 0 && lc->errors == before) {
		diag_report(lc->diag, lc->ctx, lc->path, 0, "does not match the schema %s", rng);
		lc->errors++;
	}
	goto out;
bad_schema:
	diag_report(lc->diag, lc->ctx, lc->path, 0, "cannot use the schema %s", rng);
	lc->errors++;
out:
	xmlRelaxNGFreeValidCtxt(vctx);
	xmlRelaxNGFree(schema);
	xmlRelaxNGFreeParserCtxt(pctx);
	return lc->errors - before;
}

/*
 * Loads and checks one definition. The libxml2 error handler is global,
 * so it is installed only for the duration of the call and then reset.
 */
int
form_load(const char *path, const char *schema_dir, form **out, form_diag_fn diag, void *ctx)
{
	load_ctx lc = {path, diag, ctx, 0, 0, ""};
	xmlParserCtxtPtr pc = NULL;
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	form *f = NULL;
	char rng[PATH_MAX];
	FILE *fp;

	*out = NULL;
	fp = fopen(path, "rb");
	if (!fp) {
		diag_report(diag, ctx, path, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	fclose(fp);
	if (!find_schema(path, schema_dir, rng, sizeof rng)) {
		diag_report(diag, ctx, path, 0, "cannot find the schema form.rng beside it%s%s",
		            schema_dir ? " or in " : "", schema_dir ? schema_dir : "");
		return -1;
	}

	xmlSetStructuredErrorFunc(&lc, on_xml_error);
	pc = xmlNewParserCtxt();
	if (!pc) {
		diag_report(diag, ctx, path, 0, "out of memory");
		lc.errors++;
		goto out;
	}
	doc = xmlCtxtReadFile(pc, path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	if (!doc || lc.errors) {
		if (!lc.errors)
			diag_report(diag, ctx, path, 0, "not a well-formed XML file");
		lc.errors++;
		goto out;
	}
	if (doc->intSubset) {
		/* Definitions need no DTD; refusing one rules out entity tricks. */
		diag_report(diag, ctx, path, xmlGetLineNo((xmlNodePtr)doc->intSubset),
		            "a form definition must not have a <!DOCTYPE>");
		lc.errors++;
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (!root) {
		diag_report(diag, ctx, path, 0, "empty document");
		lc.errors++;
		goto out;
	}
	if (validate_schema(&lc, rng, doc) > 0)
		goto out;
	f = build_form(&lc, root);
	lc.errors += form_check(f, diag, ctx);
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(pc);
	if (lc.errors) {
		form_free(f);
		return -1;
	}
	*out = f;
	return 0;
}

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
