/*
 * Loading one definition: libxml2 parses the file (keeping line numbers),
 * RELAX NG (forms/form.rng) checks its shape, form_build.c builds the form
 * structures and form_check.c checks their meaning. Every problem is
 * reported as "file:line: message" through the caller's callback; nothing
 * is printed.
 */
#include "engine/internal.h"

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
 * Parses the XML file lc->path and checks it against the schema rng;
 * NULL (with the problems reported) when it cannot be used. A DOCTYPE is
 * refused: definitions need none, and refusing one rules out entity
 * tricks. The caller installs the error handler and frees the document.
 */
static xmlDocPtr
read_valid(load_ctx *lc, const char *rng)
{
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	xmlDocPtr doc = NULL;

	if (!pc) {
		diag_report(lc->diag, lc->ctx, lc->path, 0, "out of memory");
		lc->errors++;
		return NULL;
	}
	doc = xmlCtxtReadFile(pc, lc->path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	xmlFreeParserCtxt(pc);
	if (!doc) {
		if (!lc->errors)
			diag_report(lc->diag, lc->ctx, lc->path, 0, "not a well-formed XML file");
		lc->errors++;
	} else if (doc->intSubset) {
		diag_report(lc->diag, lc->ctx, lc->path, xmlGetLineNo((xmlNodePtr)doc->intSubset),
		            "a <!DOCTYPE> is not allowed: form definitions and lists need none");
		lc->errors++;
	} else if (!xmlDocGetRootElement(doc)) {
		diag_report(lc->diag, lc->ctx, lc->path, 0, "empty document");
		lc->errors++;
	} else if (lc->errors == 0) {
		validate_schema(lc, rng, doc);
	}
	if (lc->errors) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* dir/lists/NAME.xml with its schema dir/lists/picks.rng; false when
 * either is missing. */
static bool
find_list(const char *dir, int dirlen, const char *name, char *xml, char *rng, size_t n)
{
	snprintf(xml, n, "%.*s/lists/%s.xml", dirlen, dir, name);
	snprintf(rng, n, "%.*s/lists/picks.rng", dirlen, dir);
	return file_exists(xml) && file_exists(rng);
}

/*
 * A field's picks="NAME": the list lists/NAME.xml beside the definition,
 * else beside the schema (an archived version uses today's lists). The
 * name is an identifier (the schema says so), never a path.
 */
static void
load_pick_list(load_ctx *lc, const char *schema_dir, field *fld)
{
	char xml[PATH_MAX], rng[PATH_MAX];
	const char *slash = strrchr(lc->path, '/');

	if (!find_list(slash ? lc->path : ".", slash ? (int)(slash - lc->path) : 1, fld->picks_ref,
	               xml, rng, sizeof xml) &&
	    !(schema_dir && find_list(schema_dir, (int)strlen(schema_dir), fld->picks_ref, xml, rng,
	                              sizeof xml))) {
		diag_report(lc->diag, lc->ctx, lc->path, fld->line,
		            "field \"%s\": no list lists/%s.xml (with lists/picks.rng) beside "
		            "the form%s%s",
		            fld->id, fld->picks_ref, schema_dir ? " or in " : "",
		            schema_dir ? schema_dir : "");
		lc->errors++;
		return;
	}
	if (fld->picks.n) {
		diag_report(lc->diag, lc->ctx, lc->path, fld->line,
		            "field \"%s\": has both <pick>s and picks=\"%s\"; keep one", fld->id,
		            fld->picks_ref);
		lc->errors++;
		return;
	}
	load_ctx list = {xml, lc->diag, lc->ctx, 0, 0, ""};
	xmlSetStructuredErrorFunc(&list, on_xml_error);
	xmlDocPtr doc = read_valid(&list, rng);
	if (doc)
		form_build_picks(xmlDocGetRootElement(doc), &fld->picks);
	xmlFreeDoc(doc);
	xmlSetStructuredErrorFunc(lc, on_xml_error);
	lc->errors += list.errors;
}

/*
 * Loads and checks one definition. The libxml2 error handler is global,
 * so it is installed only for the duration of the call and then reset.
 */
int
form_load(const char *path, const char *schema_dir, form **out, form_diag_fn diag, void *ctx)
{
	load_ctx lc = {path, diag, ctx, 0, 0, ""};
	xmlDocPtr doc = NULL;
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
	doc = read_valid(&lc, rng);
	if (!doc)
		goto out;
	f = form_build(&lc, xmlDocGetRootElement(doc));
	for (size_t i = 0; f && i < f->nfields; i++)
		if (f->fields[i]->picks_ref)
			load_pick_list(&lc, schema_dir, f->fields[i]);
	lc.errors += form_check(f, diag, ctx);
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeDoc(doc);
	if (lc.errors) {
		form_free(f);
		return -1;
	}
	*out = f;
	return 0;
}
