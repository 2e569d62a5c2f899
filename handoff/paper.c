/*
 * The filled-in official form on A4, drawn from the form's paper layout
 * (paper_layout.c): labelled boxes in rows, the repeat's table with a row
 * per instance (at least as many as the paper has), 和暦 dates with the
 * era circled, choices circled among their terms, an empty signature box.
 * Cairo draws, Pango shapes (Noto Sans CJK JP); a box's text is set
 * smaller until it fits, never cut. Before the form, an optional cover
 * sheet for the clerk carries the caller's lines and lists.
 *
 * Like the slip, the module adds no words: everything printed comes from
 * the layout, the form or the caller.
 */
#include "handoff/internal.h"
#include "handoff/paper.h"

#if defined(__has_include)
#if __has_include(<pango/pangocairo.h>) && __has_include(<cairo-pdf.h>)
#define HAVE_PAPER 1
#endif
#endif

#ifdef HAVE_PAPER

#include "handoff/text_layout.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM(x)       ((x)*72.0 / 25.4)
#define FONT        "Noto Sans CJK JP, Noto Sans, DejaVu Sans, sans-serif"
#define VALUE_PT    10.5
#define MIN_PT      5.0
#define LABEL_PT    7.0
#define PAD         MM(1.2)
#define LINE_WEIGHT 0.6

/* Era names as date_format_era writes them, and their one-letter forms
 * on paper (明・大・昭・平・令). */
static const char *const ERAS[][2] = {
        {"明治", "明"}, {"大正", "大"}, {"昭和", "昭"}, {"平成", "平"}, {"令和", "令"}};
#define NERAS (sizeof ERAS / sizeof ERAS[0])

typedef struct range {
	int start, end; /* byte offsets into the cell text */
} range;

/* A cell's text with the byte ranges to set small and to circle. */
typedef struct cell_text {
	handoff_buf text;
	range *small, *circle;
	size_t nsmall, ncircle, cap_small, cap_circle;
} cell_text;

typedef struct page {
	cairo_t *cr;
	double top, bottom, left, y; /* points */
	int number;
	int in_form; /* past the cover: continued pages repeat the title */
	const handoff_layout *l;
} page;

static void
add_range(range **r, size_t *n, size_t *cap, int start, int end)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		*r = eng_xrealloc(*r, *cap * sizeof **r);
	}
	(*r)[(*n)++] = (range){start, end};
}

static void
put(cell_text *c, const char *s)
{
	handoff_buf_put(&c->text, s, strlen(s));
}

static int
at(const cell_text *c)
{
	return (int)c->text.len;
}

static void
cell_text_free(cell_text *c)
{
	handoff_buf_free(&c->text);
	free(c->small);
	free(c->circle);
}

/* Every term of a choice or multi field, the chosen ones circled. */
static void
put_circled_choices(cell_text *c, const field *fld, const char *v)
{
	size_t n = field_choice_count(fld);
	for (size_t i = 0; i < n; i++) {
		int chosen = v && (field_kind(fld) == FIELD_MULTI
		                           ? field_multi_has(fld, v, i)
		                           : strcmp(v, field_choice_id(fld, i)) == 0);
		if (i > 0)
			put(c, "\xE3\x80\x80"); /* U+3000: room for the circles */
		int s = at(c);
		put(c, field_choice_term(fld, i));
		if (chosen)
			add_range(&c->circle, &c->ncircle, &c->cap_circle, s, at(c));
	}
}

/* 明・大・昭・平・令, the date's era circled, then the year, month and day
 * in that era on a line of their own; blanks to fill by hand without one. */
static void
put_era_date(cell_text *c, const char *iso)
{
	char era[64] = "";
	const char *rest = "\xE3\x80\x80\xE3\x80\x80年\xE3\x80\x80\xE3\x80\x80月\xE3\x80\x80"
	                   "\xE3\x80\x80日";
	if (iso && date_format_era(iso, era, sizeof era) == 0)
		rest = era + strlen(ERAS[0][0]);
	int list = at(c); /* the eras in small print, as forms have them */
	for (size_t i = 0; i < NERAS; i++) {
		if (i > 0)
			put(c, "・");
		int s = at(c);
		put(c, ERAS[i][1]);
		if (era[0] && strncmp(era, ERAS[i][0], strlen(ERAS[i][0])) == 0)
			add_range(&c->circle, &c->ncircle, &c->cap_circle, s, at(c));
	}
	add_range(&c->small, &c->nsmall, &c->cap_small, list, at(c));
	put(c, "\n");
	put(c, rest);
}

static const char *
value_at(const answers *a, const field *fld, int instance)
{
	if (!field_applies_at(a, fld, instance))
		return NULL;
	const char *v = answers_get_at(a, field_id(fld), instance);
	return v && v[0] ? v : NULL;
}

/* Whether v picks an other="true" choice of fld whose other-text the
 * cell shows too: the text written on the card then stands for the
 * choice, and その他 is not printed. */
static bool
other_shown_instead(const paper_cell *cell, const field *fld, const char *v)
{
	int i = v && field_kind(fld) == FIELD_CHOICE ? field_choice_index(fld, v) : -1;
	if (i < 0 || !field_choice_other(fld, (size_t)i))
		return false;
	for (size_t k = 0; k < cell->nv; k++)
		if (field_other_of(cell->v[k].fld) == fld)
			return true;
	return false;
}

/* The text of one box or table cell. `blank` draws a table row beyond the
 * household: nothing in it. */
static void
build_cell(cell_text *c, const answers *a, const paper_cell *cell, int instance, int blank)
{
	for (size_t i = 0; i < cell->nv && !blank; i++) {
		const paper_value *pv = &cell->v[i];
		const char *v = value_at(a, pv->fld, instance);
		paper_show show = pv->show;
		if (show == PAPER_SHOW_DEFAULT)
			show = field_kind(pv->fld) == FIELD_DATE ? PAPER_SHOW_ERA : PAPER_SHOW_TEXT;
		if ((!v || other_shown_instead(cell, pv->fld, v)) && show == PAPER_SHOW_TEXT)
			continue;
		if (pv->line && c->text.len > 0)
			put(c, "\n");
		int s = at(c);
		if (v && pv->before)
			put(c, pv->before);
		if (show == PAPER_SHOW_CIRCLE) {
			put_circled_choices(c, pv->fld, v);
		} else if (show == PAPER_SHOW_ERA) {
			put_era_date(c, v);
		} else {
			char buf[4096];
			put(c, answer_format(pv->fld, v, ANSWER_SHOW_TERM, NULL, buf, sizeof buf));
		}
		if (v && pv->after)
			put(c, pv->after);
		if (pv->small)
			add_range(&c->small, &c->nsmall, &c->cap_small, s, at(c));
	}
	handoff_buf_putc(&c->text, '\0');
	c->text.len--;
}

static PangoLayout *
make_layout(cairo_t *cr, const char *text, double size, int bold, double width)
{
	return handoff_text_layout(cr, text, FONT, "ja", size, bold, width);
}

static void
show_at(cairo_t *cr, PangoLayout *l, double x, double y)
{
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

/* The cell's text at the largest size from VALUE_PT down that fits h. */
static PangoLayout *
fitted_layout(cairo_t *cr, const cell_text *c, double w, double h)
{
	for (double size = VALUE_PT;; size -= 0.5) {
		PangoLayout *l = make_layout(cr, (const char *)c->text.p, size, 0, w);
		PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(l));
		for (size_t i = 0; i < c->nsmall; i++) {
			PangoAttribute *a = pango_attr_scale_new(0.75);
			a->start_index = (guint)c->small[i].start;
			a->end_index = (guint)c->small[i].end;
			pango_attr_list_insert(attrs, a);
		}
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
		if (handoff_text_height(l) <= h || size - 0.5 < MIN_PT)
			return l;
		g_object_unref(l);
	}
}

/* An ellipse just outside the rectangle (x0,y0)-(x1,y1). */
static void
ellipse(cairo_t *cr, double x0, double y0, double x1, double y1)
{
	cairo_new_path(cr); /* no line from where the text ended */
	cairo_save(cr);
	cairo_translate(cr, (x0 + x1) / 2, (y0 + y1) / 2);
	cairo_scale(cr, (x1 - x0) / 2 + 1.8, (y1 - y0) / 2 + 0.6);
	cairo_arc(cr, 0, 0, 1, 0, 2 * G_PI);
	cairo_restore(cr);
	cairo_stroke(cr);
}

/* An ellipse around each line's part of every circled range. */
static void
draw_circles(cairo_t *cr, PangoLayout *l, const cell_text *c, double x, double y)
{
	const char *text = pango_layout_get_text(l);
	cairo_set_line_width(cr, 0.7);
	for (size_t i = 0; i < c->ncircle; i++) {
		double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
		int have = 0;
		for (int k = c->circle[i].start; k < c->circle[i].end;) {
			PangoRectangle r;
			pango_layout_index_to_pos(l, k, &r);
			double rx = (double)r.x / PANGO_SCALE, ry = (double)r.y / PANGO_SCALE;
			double rw = (double)r.width / PANGO_SCALE,
			       rh = (double)r.height / PANGO_SCALE;
			if (rw < 0) {
				rx += rw;
				rw = -rw;
			}
			if (have && ry > y0 + 0.5) { /* the range goes on to the next line */
				ellipse(cr, x + x0, y + y0, x + x1, y + y1);
				have = 0;
			}
			if (!have) {
				x0 = rx, x1 = rx + rw, y0 = ry, y1 = ry + rh;
				have = 1;
			} else {
				x0 = x0 < rx ? x0 : rx;
				x1 = x1 > rx + rw ? x1 : rx + rw;
				y1 = y1 > ry + rh ? y1 : ry + rh;
			}
			k = (int)(g_utf8_next_char(text + k) - text);
		}
		if (have)
			ellipse(cr, x + x0, y + y0, x + x1, y + y1);
	}
}

static void
frame(cairo_t *cr, double x, double y, double w, double h)
{
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, LINE_WEIGHT);
	cairo_rectangle(cr, x, y, w, h);
	cairo_stroke(cr);
}

/* A small label at the top left of a box; returns its height. */
static double
draw_label(cairo_t *cr, const char *label, double x, double y, double w)
{
	if (!label)
		return 0;
	PangoLayout *l = make_layout(cr, label, LABEL_PT, 0, w - 2 * PAD);
	double h = handoff_text_height(l);
	show_at(cr, l, x + PAD, y + PAD * 0.5);
	g_object_unref(l);
	return h + PAD * 0.5;
}

/* One box or table cell with its label inside (with_label) and value. */
static void
draw_cell(cairo_t *cr, const answers *a, const paper_cell *cell, int instance, int blank,
          int with_label, double x, double y, double w, double h)
{
	frame(cr, x, y, w, h);
	double lh =
	        with_label || cell->kind == PAPER_SIGN ? draw_label(cr, cell->label, x, y, w) : 0;
	if (cell->kind == PAPER_SIGN)
		return;
	cell_text c = {0};
	if (cell->kind == PAPER_NOTE) {
		put(&c, cell->text);
		handoff_buf_putc(&c.text, '\0');
		c.text.len--;
	} else {
		build_cell(&c, a, cell, instance, blank);
	}
	/* room for a circle around the first term, clear of the box's edge */
	double indent = c.ncircle ? 2.5 : 0;
	double iw = w - 2 * PAD - indent, ih = h - lh - 2 * PAD * 0.75;
	PangoLayout *l = fitted_layout(cr, &c, iw, ih);
	double ty = y + lh + PAD * 0.75;
	show_at(cr, l, x + PAD + indent, ty);
	draw_circles(cr, l, &c, x + PAD + indent, ty);
	g_object_unref(l);
	cell_text_free(&c);
}

static void
page_footer(page *p)
{
	char foot[128];
	const form *f = p->l->f;
	snprintf(foot, sizeof foot, "%s/%d  —  %d", form_id(f), form_version(f), p->number);
	PangoLayout *l = make_layout(p->cr, foot, LABEL_PT, 0, MM(PAPER_CONTENT_MM));
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	show_at(p->cr, l, p->left, MM(PAPER_HEIGHT_MM - PAPER_MARGIN_MM + 3));
	g_object_unref(l);
}

/* The form's title, small, at the top of a continued page, so a page
 * that comes loose still says what it belongs to. */
static void
running_head(page *p)
{
	char head[512];
	snprintf(head, sizeof head, "%s%s%s%s", p->l->title, p->l->subtitle ? "（" : "",
	         p->l->subtitle ? p->l->subtitle : "", p->l->subtitle ? "）" : "");
	PangoLayout *l = make_layout(p->cr, head, 9, 1, MM(PAPER_CONTENT_MM));
	show_at(p->cr, l, p->left, p->y);
	p->y += handoff_text_height(l) + MM(2);
	g_object_unref(l);
}

static void
new_page(page *p)
{
	page_footer(p);
	cairo_show_page(p->cr);
	p->number++;
	p->y = p->top;
	if (p->in_form)
		running_head(p);
}

static void
title(page *p)
{
	PangoLayout *l = make_layout(p->cr, p->l->title, 17, 1, MM(PAPER_CONTENT_MM));
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	show_at(p->cr, l, p->left, p->y);
	p->y += handoff_text_height(l) + MM(1);
	g_object_unref(l);
	if (p->l->subtitle) {
		char sub[256];
		snprintf(sub, sizeof sub, "（%s）", p->l->subtitle);
		l = make_layout(p->cr, sub, 11, 0, MM(PAPER_CONTENT_MM));
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		show_at(p->cr, l, p->left, p->y);
		p->y += handoff_text_height(l);
		g_object_unref(l);
	}
	p->y += MM(3);
}

static void
draw_row(page *p, const answers *a, const paper_block *b)
{
	double h = MM(b->height), x = p->left;
	if (p->y + h > p->bottom)
		new_page(p);
	for (size_t i = 0; i < b->ncells; i++) {
		const paper_cell *c = &b->cells[i];
		draw_cell(p->cr, a, c, 0, 0, 1, x, p->y, MM(c->width), h);
		x += MM(c->width);
	}
	p->y += h;
}

/* The table's header: the row-number heading and the column labels. */
static void
table_header(page *p, const paper_block *b)
{
	double x = p->left, h = MM(7);
	for (size_t i = 0; i <= b->ncells; i++) {
		if (i == 0 && !b->number)
			continue;
		double w = MM(i == 0 ? PAPER_NUMBER_MM : b->cells[i - 1].width);
		const char *label = i == 0 ? b->number : b->cells[i - 1].label;
		frame(p->cr, x, p->y, w, h);
		PangoLayout *l = make_layout(p->cr, label ? label : "", LABEL_PT, 1, w - 2 * PAD);
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		show_at(p->cr, l, x + PAD, p->y + (h - handoff_text_height(l)) / 2);
		g_object_unref(l);
		x += w;
	}
	p->y += h;
}

static void
draw_table(page *p, const answers *a, const paper_block *b)
{
	int have = answers_repeat_count(a, repeat_id(b->repeat));
	int rows = have > b->rows ? have : b->rows;
	double h = MM(b->height);

	if (p->y + MM(7) + h > p->bottom)
		new_page(p);
	table_header(p, b);
	for (int r = 0; r < rows; r++) {
		if (p->y + h > p->bottom) {
			new_page(p);
			table_header(p, b);
		}
		double x = p->left;
		if (b->number) {
			char num[16];
			snprintf(num, sizeof num, "%d", r + 1);
			frame(p->cr, x, p->y, MM(PAPER_NUMBER_MM), h);
			PangoLayout *l = make_layout(p->cr, num, VALUE_PT, 0, MM(PAPER_NUMBER_MM));
			pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
			show_at(p->cr, l, x, p->y + (h - handoff_text_height(l)) / 2);
			g_object_unref(l);
			x += MM(PAPER_NUMBER_MM);
		}
		for (size_t i = 0; i < b->ncells; i++) {
			const paper_cell *c = &b->cells[i];
			draw_cell(p->cr, a, c, r, r >= have, 0, x, p->y, MM(c->width), h);
			x += MM(c->width);
		}
		p->y += h;
	}
}

/* ---- the cover sheet ------------------------------------------------------ */

static void
cover_para(page *p, const char *text, double size, int bold, double indent, double gap)
{
	PangoLayout *l = make_layout(p->cr, text, size, bold, MM(PAPER_CONTENT_MM) - indent);
	double h = handoff_text_height(l);
	if (p->y + h > p->bottom)
		new_page(p);
	show_at(p->cr, l, p->left + indent, p->y);
	p->y += h + gap;
	g_object_unref(l);
}

static void
draw_cover(page *p, const handoff_cover *cv)
{
	if (cv->title)
		cover_para(p, cv->title, 16, 1, 0, MM(4));
	for (size_t i = 0; i < cv->nlines; i++) {
		const handoff_slip_line *ln = &cv->lines[i];
		double lw = MM(45);
		PangoLayout *l = make_layout(p->cr, ln->label, VALUE_PT, 1, lw - MM(2));
		PangoLayout *v =
		        make_layout(p->cr, ln->value, VALUE_PT, 0, MM(PAPER_CONTENT_MM) - lw);
		double h =
		        (handoff_text_height(l) > handoff_text_height(v) ? handoff_text_height(l)
		                                                         : handoff_text_height(v)) +
		        MM(1.5);
		if (p->y + h > p->bottom)
			new_page(p);
		show_at(p->cr, l, p->left, p->y);
		show_at(p->cr, v, p->left + lw, p->y);
		p->y += h;
		g_object_unref(l);
		g_object_unref(v);
	}
	for (size_t i = 0; i < cv->nlists; i++) {
		const handoff_cover_list *ls = &cv->lists[i];
		if (ls->nitems == 0 && !ls->empty)
			continue;
		p->y += MM(4);
		cover_para(p, ls->heading, 12, 1, 0, MM(2));
		if (ls->nitems == 0)
			cover_para(p, ls->empty, VALUE_PT, 0, MM(4), MM(1));
		for (size_t k = 0; k < ls->nitems; k++) {
			char item[1024];
			snprintf(item, sizeof item, "・%s", ls->items[k]);
			cover_para(p, item, VALUE_PT, 0, MM(4), MM(1));
		}
	}
	new_page(p);
}

handoff_status
handoff_form_write_pdf(const answers *a, const handoff_layout *l, const handoff_cover *cover,
                       const char *pdf_path, handoff_error *err)
{
	if (answers_form(a) != l->f)
		return handoff_fail(err, HANDOFF_ERR_LAYOUT, "%s is the layout of another form",
		                    l->path);
	cairo_surface_t *s =
	        cairo_pdf_surface_create(pdf_path, MM(PAPER_WIDTH_MM), MM(PAPER_HEIGHT_MM));
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return handoff_fail(err, HANDOFF_ERR_IO, "cannot create %s", pdf_path);
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, form_title(l->f));
	page p = {cairo_create(s),
	          MM(PAPER_MARGIN_MM),
	          MM(PAPER_HEIGHT_MM - PAPER_MARGIN_MM),
	          MM(PAPER_MARGIN_MM),
	          MM(PAPER_MARGIN_MM),
	          1,
	          0,
	          l};
	if (cover)
		draw_cover(&p, cover);
	title(&p);
	p.in_form = 1;
	for (size_t i = 0; i < l->nblocks; i++) {
		if (l->blocks[i].is_table)
			draw_table(&p, a, &l->blocks[i]);
		else
			draw_row(&p, a, &l->blocks[i]);
	}
	page_footer(&p);
	cairo_show_page(p.cr);
	cairo_status_t cs = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (cs != CAIRO_STATUS_SUCCESS) {
		handoff_remove_partial(pdf_path);
		return handoff_fail(err, HANDOFF_ERR_IO, "cannot write %s: %s", pdf_path,
		                    cairo_status_to_string(cs));
	}
	return HANDOFF_OK;
}

#else /* !HAVE_PAPER */

handoff_status
handoff_form_write_pdf(const answers *a, const handoff_layout *l, const handoff_cover *cover,
                       const char *pdf_path, handoff_error *err)
{
	(void)a, (void)l, (void)cover, (void)pdf_path;
	return handoff_fail(err, HANDOFF_ERR_LAYOUT, "built without Cairo and Pango");
}

#endif
