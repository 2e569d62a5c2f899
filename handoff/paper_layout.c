/*
 * Loading a paper layout (forms/paper/<form id>.xml): libxml2 parses it,
 * RELAX NG (paper.rng beside it) checks its shape, and this file checks
 * what a schema cannot: that it is for this form and version, that every
 * field exists where it is used (repeat fields in the repeat's table,
 * others outside) and every field of the form is on the paper (an answer
 * the counter cannot see on the printed form would be lost there), that
 * circles go on choices and eras on dates, and that every row fits the
 * page. The first problem is reported as "file:line:
 * what".
 */
#include "handoff/internal.h"
#include "handoff/paper.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct loader {
	const char *path;
	const form *f;
	handoff_error *err;
	int failed;
	char xml_error[200]; /* libxml2's first message */
} loader;

static int
fail_at(loader *ld, const xmlNode *n, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!ld->failed)
		handoff_fail(ld->err, HANDOFF_ERR_LAYOUT, "%s:%ld: %s", ld->path,
		             n ? (long)xmlGetLineNo(n) : 0L, msg);
	ld->failed = 1;
	return -1;
}

static void
on_xml_error(void *ctx, const xmlError *e)
{
	loader *ld = ctx;
	if (ld->xml_error[0] || !e || !e->message)
		return;
	snprintf(ld->xml_error, sizeof ld->xml_error, "%d: %s", e->line, e->message);
	size_t n = strlen(ld->xml_error);
	while (n > 0 && ld->xml_error[n - 1] == '\n')
		ld->xml_error[--n] = '\0';
}

static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? eng_xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static double
attr_mm(const xmlNode *n, const char *name)
{
	char *s = attr(n, name);
	double v = s ? strtod(s, NULL) : 0;
	free(s);
	return v;
}

static int
attr_true(const xmlNode *n, const char *name)
{
	char *s = attr(n, name);
	int v = s && (strcmp(s, "true") == 0 || strcmp(s, "1") == 0);
	free(s);
	return v;
}

static int
is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *
text_of(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = eng_xstrdup(t ? (const char *)t : "");
	xmlFree(t);
	return s;
}

static paper_show
show_of(const xmlNode *n)
{
	char *s = attr(n, "show");
	paper_show v = PAPER_SHOW_DEFAULT;
	if (s && strcmp(s, "text") == 0)
		v = PAPER_SHOW_TEXT;
	else if (s && strcmp(s, "circle") == 0)
		v = PAPER_SHOW_CIRCLE;
	else if (s && strcmp(s, "era") == 0)
		v = PAPER_SHOW_ERA;
	free(s);
	return v;
}

/* One value: the field exists, belongs where it is used, and the way it is
 * shown suits its type. */
static int
load_value(loader *ld, const xmlNode *n, const form_repeat *in, paper_value *out)
{
	char *id = attr(n, "field");
	const field *fld = id ? form_field_by_id(ld->f, id) : NULL;
	int rc = 0;

	*out = (paper_value){0};
	if (!fld) {
		rc = fail_at(ld, n, "form %s has no field \"%s\"", form_id(ld->f), id ? id : "");
	} else if (in && !(field_repeat(fld) && strcmp(field_repeat(fld), repeat_id(in)) == 0)) {
		rc = fail_at(ld, n, "field \"%s\" is not in the repeat \"%s\" of this table", id,
		             repeat_id(in));
	} else if (!in && field_repeat(fld)) {
		rc = fail_at(ld, n, "field \"%s\" is in the repeat \"%s\": put it in its table", id,
		             field_repeat(fld));
	} else {
		out->fld = fld;
		out->show = show_of(n);
		field_type t = field_kind(fld);
		if (out->show == PAPER_SHOW_CIRCLE && t != FIELD_CHOICE && t != FIELD_MULTI)
			rc = fail_at(ld, n, "show=\"circle\" needs a choice field; \"%s\" is %s",
			             id, field_type_name(t));
		else if (out->show == PAPER_SHOW_ERA && t != FIELD_DATE)
			rc = fail_at(ld, n, "show=\"era\" needs a date field; \"%s\" is %s", id,
			             field_type_name(t));
		out->before = attr(n, "before");
		out->after = attr(n, "after");
		out->line = attr_true(n, "line");
		out->small = attr_true(n, "small");
	}
	free(id);
	return rc;
}

static void
free_cell(paper_cell *c)
{
	for (size_t i = 0; i < c->nv; i++) {
		free(c->v[i].before);
		free(c->v[i].after);
	}
	free(c->v);
	free(c->label);
	free(c->text);
}

/* A box or a table column: field= alone, or <v> children. The label
 * defaults to the first field's official term. */
static int
load_values_cell(loader *ld, const xmlNode *n, const form_repeat *in, paper_cell *c)
{
	c->kind = PAPER_BOX;
	c->width = attr_mm(n, "width");
	c->height = attr_mm(n, "height");
	c->label = attr(n, "label");
	xmlChar *own = xmlGetProp(n, (const xmlChar *)"field");
	if (own) {
		xmlFree(own);
		c->v = eng_xcalloc(1, sizeof *c->v);
		c->nv = 1;
		if (load_value(ld, n, in, &c->v[0]) != 0)
			return -1;
	} else {
		size_t cap = 0;
		for (const xmlNode *k = n->children; k; k = k->next)
			cap += is(k, "v");
		c->v = eng_xcalloc(cap ? cap : 1, sizeof *c->v);
		for (const xmlNode *k = n->children; k; k = k->next)
			if (is(k, "v") && load_value(ld, k, in, &c->v[c->nv++]) != 0)
				return -1;
	}
	if (!c->label && c->nv > 0)
		c->label = eng_xstrdup(field_term(c->v[0].fld));
	return 0;
}

static int
check_width(loader *ld, const xmlNode *n, double used)
{
	if (used > PAPER_CONTENT_MM + 0.01)
		return fail_at(ld, n, "the row is %.1f mm wide; the page holds %.0f mm", used,
		               PAPER_CONTENT_MM);
	return 0;
}

static int
load_row(loader *ld, const xmlNode *n, paper_block *b)
{
	size_t cap = 0;
	double used = 0;

	b->height = attr_mm(n, "height");
	for (const xmlNode *k = n->children; k; k = k->next)
		cap += k->type == XML_ELEMENT_NODE;
	b->cells = eng_xcalloc(cap ? cap : 1, sizeof *b->cells);
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		paper_cell *c = &b->cells[b->ncells++];
		if (is(k, "box")) {
			if (load_values_cell(ld, k, NULL, c) != 0)
				return -1;
		} else {
			c->kind = is(k, "sign") ? PAPER_SIGN : PAPER_NOTE;
			c->width = attr_mm(k, "width");
			c->height = attr_mm(k, "height");
			c->label = c->kind == PAPER_SIGN ? attr(k, "label") : NULL;
			c->text = c->kind == PAPER_NOTE ? text_of(k) : NULL;
		}
		used += c->width;
		if (c->height > b->height)
			b->height = c->height;
	}
	if (b->height <= 0)
		b->height = 12;
	return check_width(ld, n, used);
}

static int
load_table(loader *ld, const xmlNode *n, paper_block *b)
{
	char *rep = attr(n, "repeat"), *rows = attr(n, "rows");
	size_t cap = 0;
	double used;

	b->is_table = 1;
	b->repeat = rep ? form_repeat_by_id(ld->f, rep) : NULL;
	b->rows = rows ? atoi(rows) : 0;
	b->height = attr_mm(n, "row-height");
	if (b->height <= 0)
		b->height = 14;
	b->number = attr(n, "number");
	free(rows);
	if (!b->repeat) {
		fail_at(ld, n, "form %s has no repeat \"%s\"", form_id(ld->f), rep ? rep : "");
		free(rep);
		return -1;
	}
	free(rep);
	used = b->number ? PAPER_NUMBER_MM : 0;
	for (const xmlNode *k = n->children; k; k = k->next)
		cap += is(k, "column");
	b->cells = eng_xcalloc(cap ? cap : 1, sizeof *b->cells);
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (!is(k, "column"))
			continue;
		paper_cell *c = &b->cells[b->ncells++];
		if (load_values_cell(ld, k, b->repeat, c) != 0)
			return -1;
		used += c->width;
	}
	return check_width(ld, n, used);
}

static bool
placed(const handoff_layout *l, const field *fld)
{
	for (size_t i = 0; i < l->nblocks; i++)
		for (size_t j = 0; j < l->blocks[i].ncells; j++)
			for (size_t k = 0; k < l->blocks[i].cells[j].nv; k++)
				if (l->blocks[i].cells[j].v[k].fld == fld)
					return true;
	return false;
}

static int
every_field_placed(loader *ld, const xmlNode *root, const handoff_layout *l)
{
	for (size_t i = 0; i < form_field_count(ld->f); i++) {
		const field *fld = form_field_at(ld->f, i);
		if (!placed(l, fld))
			return fail_at(ld, root,
			               "field \"%s\" (%s) is not on the paper: put it in a box%s",
			               field_id(fld), field_term(fld),
			               field_repeat(fld) ? " of its repeat's table" : "");
	}
	return 0;
}

static int
load_tree(loader *ld, const xmlNode *root, handoff_layout *l)
{
	char *fid = attr(root, "form"), *fver = attr(root, "form-version");
	int same = fid && fver && strcmp(fid, form_id(ld->f)) == 0 &&
	           atoi(fver) == form_version(ld->f);
	if (!same)
		fail_at(ld, root, "the layout is for form %s version %s, not %s version %d",
		        fid ? fid : "?", fver ? fver : "?", form_id(ld->f), form_version(ld->f));
	free(fid);
	free(fver);
	if (!same)
		return -1;

	size_t cap = 0;
	for (const xmlNode *k = root->children; k; k = k->next)
		cap += is(k, "row") || is(k, "table");
	l->blocks = eng_xcalloc(cap ? cap : 1, sizeof *l->blocks);
	for (const xmlNode *k = root->children; k; k = k->next) {
		if (is(k, "title")) {
			l->title = text_of(k);
		} else if (is(k, "subtitle")) {
			l->subtitle = text_of(k);
		} else if (is(k, "row") || is(k, "table")) {
			paper_block *b = &l->blocks[l->nblocks++];
			if ((is(k, "row") ? load_row(ld, k, b) : load_table(ld, k, b)) != 0)
				return -1;
		}
	}
	return every_field_placed(ld, root, l);
}

/* paper.rng beside the layout file. */
static int
validate(loader *ld, xmlDocPtr doc)
{
	char rng[PATH_MAX];
	const char *slash = strrchr(ld->path, '/');
	int dirlen = slash ? (int)(slash - ld->path) : 1;
	xmlRelaxNGParserCtxtPtr pc;
	xmlRelaxNGPtr schema = NULL;
	xmlRelaxNGValidCtxtPtr vc = NULL;
	int rc = -1;

	snprintf(rng, sizeof rng, "%.*s/paper.rng", dirlen, slash ? ld->path : ".");
	pc = xmlRelaxNGNewParserCtxt(rng);
	if (pc)
		schema = xmlRelaxNGParse(pc);
	if (!schema) {
		handoff_fail(ld->err, HANDOFF_ERR_LAYOUT, "%s: cannot use the schema %s", ld->path,
		             rng);
		ld->failed = 1;
		goto out;
	}
	vc = xmlRelaxNGNewValidCtxt(schema);
	if (!vc)
		goto out;
	xmlRelaxNGSetValidStructuredErrors(vc, (xmlStructuredErrorFunc)on_xml_error, ld);
	if (xmlRelaxNGValidateDoc(vc, doc) == 0) {
		rc = 0;
	} else {
		handoff_fail(ld->err, HANDOFF_ERR_LAYOUT, "%s:%s", ld->path,
		             ld->xml_error[0] ? ld->xml_error : " does not match paper.rng");
		ld->failed = 1;
	}
out:
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(schema);
	xmlRelaxNGFreeParserCtxt(pc);
	return rc;
}

/* forms/paper/<id>.xml beside the form's own file. */
static void
default_path(const form *f, char *out, size_t n)
{
	const char *fp = form_path(f);
	const char *slash = fp ? strrchr(fp, '/') : NULL;
	int dirlen = slash ? (int)(slash - fp) : 1;
	snprintf(out, n, "%.*s/paper/%s.xml", dirlen, slash ? fp : ".", form_id(f));
}

handoff_status
handoff_layout_load(const form *f, const char *path, handoff_layout **out, handoff_error *err)
{
	char where[PATH_MAX];
	loader ld = {0};
	xmlParserCtxtPtr pc = NULL;
	xmlDocPtr doc = NULL;
	handoff_layout *l = NULL;

	*out = NULL;
	if (!path) {
		default_path(f, where, sizeof where);
		path = where;
	}
	ld = (loader){path, f, err, 0, ""};
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return handoff_fail(err, HANDOFF_ERR_LAYOUT, "%s: cannot open: %s", path,
		                    strerror(errno));
	fclose(fp);
	pc = xmlNewParserCtxt();
	if (!pc)
		return handoff_fail(err, HANDOFF_ERR_LAYOUT, "%s: out of memory", path);
	xmlSetStructuredErrorFunc(&ld, (xmlStructuredErrorFunc)on_xml_error);
	doc = xmlCtxtReadFile(pc, path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!doc) {
		handoff_fail(err, HANDOFF_ERR_LAYOUT, "%s:%s", path,
		             ld.xml_error[0] ? ld.xml_error : " cannot be read");
		goto out;
	}
	if (validate(&ld, doc) != 0)
		goto out;
	l = eng_xcalloc(1, sizeof *l);
	l->f = f;
	l->path = eng_xstrdup(path);
	if (load_tree(&ld, xmlDocGetRootElement(doc), l) != 0) {
		handoff_layout_free(l);
		l = NULL;
	}
out:
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(pc);
	*out = l;
	return l ? HANDOFF_OK : (err ? err->status : HANDOFF_ERR_LAYOUT);
}

void
handoff_layout_free(handoff_layout *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nblocks; i++) {
		for (size_t j = 0; j < l->blocks[i].ncells; j++)
			free_cell(&l->blocks[i].cells[j]);
		free(l->blocks[i].cells);
		free(l->blocks[i].number);
	}
	free(l->blocks);
	free(l->title);
	free(l->subtitle);
	free(l->path);
	free(l);
}

const char *
handoff_layout_path(const handoff_layout *l)
{
	return l->path;
}
