/*
 * The printed slip: the QR code(s) at a size a counter scanner reads from
 * paper (at least 0.5 mm per module, 4-module quiet zone), the procedure
 * name, the date and the desk, the clerk's summary in the form's Japanese
 * terms, the resident's answers in their language, and what to bring.
 * Cairo draws it, Pango shapes the text (Noto CJK fonts, with the
 * resident's language picking the right Han glyph variants). A4 pages are
 * 210 x 297 mm and continue on a new page when the tables are long; the
 * 80 mm receipt is one strip as long as its contents.
 *
 * Every word on the slip comes from the caller (handoff_slip_text) or from
 * the form definition: the module adds none of its own.
 *
 * The fuzz build compiles every handoff file without the pkg-config flags
 * of Cairo and Pango; there this file compiles to a stub that reports
 * HANDOFF_ERR_SLIP.
 */
#include "handoff/internal.h"

#if defined(__has_include)
#if __has_include(<pango/pangocairo.h>) && __has_include(<cairo-pdf.h>)
#define HAVE_SLIP 1
#endif
#endif

#ifdef HAVE_SLIP

#include "handoff/text_layout.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM(x)      ((x)*72.0 / 25.4)
#define FONT_JA    "Noto Sans CJK JP, Noto Sans, DejaVu Sans, sans-serif"
#define QUIET      4
#define MIN_MODULE 0.5 /* mm per module on paper */

/* Rounding for the non-negative sizes here, without linking libm (the
 * PKGS line gives no -lm). */
static double
dmax(double a, double b)
{
	return a > b ? a : b;
}

static double
dmin(double a, double b)
{
	return a < b ? a : b;
}

static double
dfloor(double x)
{
	return (double)(long long)x;
}

static double
dceil(double x)
{
	double f = dfloor(x);
	return f < x ? f + 1 : f;
}

static double
dround(double x)
{
	return dfloor(x + 0.5);
}

typedef struct pen {
	cairo_t *cr;
	double left, width;    /* text column, points */
	double y, top, bottom; /* current position and page limits */
	int paginate;          /* A4: continue on a new page */
	int page;              /* 0-based page being drawn */
	int draw_pages;        /* pages drawn: 1 for a PNG, many for the PDF, 0 to measure */
	double px_per_pt;      /* > 0 for a raster: snap the QR to whole pixels */
	const char *res_font;  /* font list for the resident's language */
	const char *res_lang;
} pen;

static int
drawing(const pen *p)
{
	return p->page < p->draw_pages;
}

/* Font list for a language tag: the Noto font of the reader's script (the
 * CJK variant whose Han glyphs the reader expects; Devanagari and Myanmar
 * from fonts-noto-core), then general fallbacks. */
static const char *
font_for(const char *lang)
{
	if (!lang)
		return FONT_JA;
	if (strncmp(lang, "zh-Hant", 7) == 0 || strncmp(lang, "zh_TW", 5) == 0)
		return "Noto Sans CJK TC, Noto Sans, DejaVu Sans, sans-serif";
	if (strncmp(lang, "zh", 2) == 0)
		return "Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif";
	if (strncmp(lang, "ko", 2) == 0)
		return "Noto Sans CJK KR, Noto Sans, DejaVu Sans, sans-serif";
	if (strncmp(lang, "ne", 2) == 0)
		return "Noto Sans Devanagari, Noto Sans, Noto Sans CJK JP, sans-serif";
	if (strncmp(lang, "my", 2) == 0)
		return "Noto Sans Myanmar, Noto Sans, Noto Sans CJK JP, sans-serif";
	if (strncmp(lang, "ja", 2) == 0)
		return FONT_JA;
	/* Latin-script languages (Vietnamese diacritics included), with the
	 * Japanese terms beside them from the CJK font */
	return "Noto Sans, Noto Sans CJK JP, DejaVu Sans, sans-serif";
}

static PangoLayout *
make_layout(pen *p, const char *text, const char *font, const char *lang, double size, int bold,
            double width)
{
	return handoff_text_layout(p->cr, text, font, lang, size, bold, width);
}

static void
show_layout(pen *p, PangoLayout *l, double x, double y)
{
	if (!drawing(p))
		return;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
}

/* Starts a new page when h more points do not fit (A4 only). */
static void
need(pen *p, double h)
{
	if (!p->paginate || p->y + h <= p->bottom || p->y <= p->top)
		return;
	if (drawing(p))
		cairo_show_page(p->cr);
	p->page++;
	p->y = p->top;
}

/* A paragraph across the column; advances y. It starts a new page unless
 * `keep` more points (what must follow it) fit as well. */
static void
para_keep(pen *p, const char *text, const char *font, const char *lang, double size, int bold,
          double gap_after, double keep)
{
	PangoLayout *l = make_layout(p, text, font, lang, size, bold, p->width);
	double h = handoff_text_height(l);
	need(p, h + keep);
	show_layout(p, l, p->left, p->y);
	p->y += h + gap_after;
	g_object_unref(l);
}

static void
para(pen *p, const char *text, const char *font, const char *lang, double size, int bold,
     double gap_after)
{
	para_keep(p, text, font, lang, size, bold, gap_after, 0);
}

static void
rule(pen *p, double weight)
{
	if (drawing(p)) {
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		cairo_set_line_width(p->cr, weight);
		cairo_move_to(p->cr, p->left, p->y);
		cairo_line_to(p->cr, p->left + p->width, p->y);
		cairo_stroke(p->cr);
	}
}

/* A two-column row: label on the left (35 %, 42 % on a receipt), value on
 * the right. */
static void
row(pen *p, const char *label, const char *lfont, const char *value, const char *vfont,
    const char *lang, double size)
{
	double lw = p->width * (p->paginate ? 0.35 : 0.42), gap = MM(2), pad = MM(1);
	PangoLayout *l = make_layout(p, label, lfont, lang, size, 1, lw - gap);
	PangoLayout *v = make_layout(p, value, vfont, lang, size, 0, p->width - lw);
	double h = dmax(handoff_text_height(l), handoff_text_height(v)) + 2 * pad;

	need(p, h);
	show_layout(p, l, p->left, p->y + pad);
	show_layout(p, v, p->left + lw, p->y + pad);
	p->y += h;
	if (drawing(p)) {
		cairo_set_source_rgb(p->cr, 0.55, 0.55, 0.55);
		cairo_set_line_width(p->cr, 0.4);
		cairo_move_to(p->cr, p->left, p->y);
		cairo_line_to(p->cr, p->left + p->width, p->y);
		cairo_stroke(p->cr);
	}
	g_object_unref(l);
	g_object_unref(v);
}

/* Side of one symbol with its quiet zone, in points: as large as `room`
 * allows up to 1 mm per module, never under 0.5 mm per module. On a raster
 * the module is a whole number of pixels, so edges stay sharp. */
static double
module_size(const pen *p, int width, double room)
{
	double m = dmin(MM(1.0), room / (width + 2 * QUIET));
	if (m < MM(MIN_MODULE))
		m = MM(MIN_MODULE);
	if (p->px_per_pt > 0) {
		double px = dfloor(m * p->px_per_pt);
		if (px * 72.0 / p->px_per_pt < MM(MIN_MODULE) - 1e-9)
			px = dceil(MM(MIN_MODULE) * p->px_per_pt);
		m = px / p->px_per_pt;
	}
	return m;
}

static void
draw_qr(pen *p, const handoff_qr *q, double x, double y, double m)
{
	double side = (q->width + 2 * QUIET) * m;
	cairo_t *cr = p->cr;

	if (!drawing(p))
		return;
	if (p->px_per_pt > 0) { /* whole pixels */
		x = dround(x * p->px_per_pt) / p->px_per_pt;
		y = dround(y * p->px_per_pt) / p->px_per_pt;
	}
	cairo_save(cr);
	cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, x, y, side, side);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int r = 0; r < q->width; r++) {
		for (int c = 0; c < q->width;) {
			if (!q->modules[(size_t)r * (size_t)q->width + (size_t)c]) {
				c++;
				continue;
			}
			int c0 = c;
			while (c < q->width && q->modules[(size_t)r * (size_t)q->width + (size_t)c])
				c++;
			cairo_rectangle(cr, x + (QUIET + c0) * m, y + (QUIET + r) * m, (c - c0) * m,
			                m);
		}
	}
	cairo_fill(cr);
	cairo_restore(cr);
}

typedef struct slip_data {
	const answers *a;
	const handoff_codes *codes;
	handoff_qr *qr[HANDOFF_MAX_PARTS];
	const handoff_desk_key *desk;
	const handoff_slip_text *t;
	handoff_row *rows;
	size_t nrows;
	int receipt;
} slip_data;

/* The codes, side by side when they fit, each with its caption. */
static void
codes_block(pen *p, const slip_data *d)
{
	size_t n = d->codes->n;
	double room = d->receipt ? p->width : MM(75), gap = MM(6);
	int per_row = 1;

	if (!d->receipt && n > 1)
		per_row = 2;
	for (size_t i = 0; i < n; i += (size_t)per_row) {
		double m = module_size(p, d->qr[i]->width, room);
		double side = (d->qr[i]->width + 2 * QUIET) * m, cap_h = 0;
		size_t k = i + (size_t)per_row <= n ? (size_t)per_row : n - i;
		double total = k * side + (k - 1) * gap, x = p->left + (p->width - total) / 2;
		char caption[128] = "";
		if (n > 1 && d->t->part_format) {
			snprintf(caption, sizeof caption, d->t->part_format, (size_t)1, n);
			PangoLayout *l =
			        make_layout(p, caption, p->res_font, p->res_lang, 9, 1, side);
			cap_h = handoff_text_height(l) + MM(1);
			g_object_unref(l);
		}
		need(p, side + cap_h);
		for (size_t j = 0; j < k; j++) {
			double xj = x + j * (side + gap);
			draw_qr(p, d->qr[i + j], xj, p->y,
			        module_size(p, d->qr[i + j]->width, room));
			if (cap_h > 0) {
				snprintf(caption, sizeof caption, d->t->part_format, i + j + 1, n);
				PangoLayout *l = make_layout(p, caption, p->res_font, p->res_lang,
				                             9, 1, side);
				pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
				show_layout(p, l, xj, p->y + side);
				g_object_unref(l);
			}
		}
		p->y += side + cap_h + MM(3);
	}
}

/* The whole slip from the top; returns the height used on the last page. */
static double
layout_slip(pen *p, const slip_data *d)
{
	const handoff_slip_text *t = d->t;
	const form *f = answers_form(d->a);
	double big = d->receipt ? 14 : 18, body = d->receipt ? 9 : 9.5;
	char desk[HANDOFF_NAME_MAX + 32], id[9];

	para(p, form_title(f), FONT_JA, "ja", big, 1, MM(1));
	if (t->title_local && *t->title_local && strcmp(t->title_local, form_title(f)) != 0)
		para(p, t->title_local, p->res_font, p->res_lang, body + 2, 0, MM(3));
	rule(p, 1.2);
	p->y += MM(2);
	if (t->date_text)
		row(p, t->date_label ? t->date_label : "", p->res_font, t->date_text, FONT_JA,
		    p->res_lang, body);
	if (d->desk) {
		handoff_keyid_hex(d->desk->id, id);
		if (d->desk->name[0])
			snprintf(desk, sizeof desk, "%s (%s)", d->desk->name, id);
		else
			snprintf(desk, sizeof desk, "%s", id);
		row(p, t->desk_label ? t->desk_label : "", p->res_font, desk, FONT_JA, p->res_lang,
		    body);
	}
	p->y += MM(4);
	codes_block(p, d);

	if (t->bring_heading && t->nbring > 0) {
		para(p, t->bring_heading, p->res_font, p->res_lang, body + 2, 1, MM(1.5));
		for (size_t i = 0; i < t->nbring; i++) {
			char item[1024];
			snprintf(item, sizeof item, "\xE2\x96\xA1 %s",
			         t->bring[i]); /* ballot box */
			para(p, item, p->res_font, p->res_lang, body, 0, MM(1));
		}
		p->y += MM(3);
	}
	if (t->clerk_heading)
		para_keep(p, t->clerk_heading, FONT_JA, "ja", body + 2, 1, MM(1), MM(14));
	rule(p, 0.8);
	for (size_t i = 0; i < d->nrows; i++) {
		const handoff_row *r = &d->rows[i];
		if (r->group && (i == 0 || d->rows[i - 1].group != r->group ||
		                 d->rows[i - 1].instance != r->instance)) {
			char head[256];
			snprintf(head, sizeof head, "%s %d", r->group, r->instance + 1);
			p->y += MM(1.5);
			para_keep(p, head, FONT_JA, "ja", body, 1, MM(0.5), MM(14));
		}
		row(p, r->term, FONT_JA, r->value, FONT_JA, "ja", body);
	}
	p->y += MM(5);
	if (t->resident_heading && t->nlines > 0) {
		para_keep(p, t->resident_heading, p->res_font, p->res_lang, body + 2, 1, MM(1),
		          MM(14));
		rule(p, 0.8);
		for (size_t i = 0; i < t->nlines; i++)
			row(p, t->lines[i].label, p->res_font, t->lines[i].value, p->res_font,
			    p->res_lang, body);
		p->y += MM(5);
	}
	if (t->footer)
		para(p, t->footer, p->res_font, p->res_lang, body, 0, MM(2));
	return p->y;
}

static void
pen_init(pen *p, cairo_t *cr, const slip_data *d, double page_w, double page_h, int draw_pages,
         double px_per_pt)
{
	double margin = d->receipt ? MM(4) : MM(15);
	*p = (pen){.cr = cr,
	           .left = margin,
	           .width = page_w - 2 * margin,
	           .y = d->receipt ? MM(5) : margin,
	           .top = d->receipt ? MM(5) : margin,
	           .bottom = page_h - margin,
	           .paginate = !d->receipt,
	           .draw_pages = draw_pages,
	           .px_per_pt = px_per_pt,
	           .res_font = d->t->font && *d->t->font ? d->t->font : font_for(d->t->lang),
	           .res_lang = d->t->lang && *d->t->lang ? d->t->lang : "ja"};
}

/* The receipt's length: a dry run on a scratch surface. */
static double
measure(const slip_data *d, double page_w)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	cairo_t *cr = cairo_create(s);
	pen p;
	pen_init(&p, cr, d, page_w, 1e9, 0, 0);
	double h = layout_slip(&p, d) + MM(8);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return h;
}

static handoff_status
write_pdf(const slip_data *d, double w, double h, const char *path, handoff_error *err)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path, w, h);
	cairo_t *cr;
	pen p;
	cairo_status_t cs;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return handoff_fail(err, HANDOFF_ERR_IO, "cannot create %s", path);
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, form_title(answers_form(d->a)));
	cr = cairo_create(s);
	pen_init(&p, cr, d, w, h, 1000, 0);
	layout_slip(&p, d);
	cairo_show_page(cr);
	cs = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (cs != CAIRO_STATUS_SUCCESS) {
		handoff_remove_partial(path);
		return handoff_fail(err, HANDOFF_ERR_IO, "cannot write %s: %s", path,
		                    cairo_status_to_string(cs));
	}
	return HANDOFF_OK;
}

/* The first page as a PNG at `dpi` (the QR is on it). */
static handoff_status
write_png(const slip_data *d, double w, double h, int dpi, const char *path, handoff_error *err)
{
	double k = dpi / 72.0;
	int pw = (int)dceil(w * k), ph = (int)dceil(h * k);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	cairo_t *cr = cairo_create(s);
	cairo_status_t cs;
	pen p;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	pen_init(&p, cr, d, w, h, 1, k);
	layout_slip(&p, d);
	cairo_surface_flush(s);
	cs = cairo_surface_write_to_png(s, path);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	if (cs != CAIRO_STATUS_SUCCESS) {
		handoff_remove_partial(path);
		return handoff_fail(err, HANDOFF_ERR_IO, "cannot write %s: %s", path,
		                    cairo_status_to_string(cs));
	}
	return HANDOFF_OK;
}

handoff_status
handoff_slip_write(const answers *a, const handoff_codes *codes, const handoff_desk_key *desk,
                   const handoff_slip_text *t, handoff_paper paper, const char *pdf_path,
                   const char *png_path, int png_dpi, handoff_error *err)
{
	slip_data d = {.a = a,
	               .codes = codes,
	               .desk = desk,
	               .t = t,
	               .receipt = paper == HANDOFF_PAPER_RECEIPT80};
	double w = d.receipt ? MM(80) : MM(210), h = MM(297);
	handoff_status st = HANDOFF_OK;

	if (err)
		*err = (handoff_error){0};
	if (!codes || codes->n == 0 || codes->n > HANDOFF_MAX_PARTS)
		return handoff_fail(err, HANDOFF_ERR_SLIP, "no codes to print");
	if (png_dpi < 72 || png_dpi > 1200)
		png_dpi = 200;
	for (size_t i = 0; i < codes->n && st == HANDOFF_OK; i++)
		st = handoff_qr_make(codes->text[i], &d.qr[i], err);
	if (st != HANDOFF_OK)
		goto out;
	d.rows = handoff_summary_rows(a, &d.nrows);
	if (d.receipt)
		h = measure(&d, w);
	if (pdf_path)
		st = write_pdf(&d, w, h, pdf_path, err);
	if (st == HANDOFF_OK && png_path)
		st = write_png(&d, w, h, png_dpi, png_path, err);
out:
	for (size_t i = 0; i < codes->n; i++)
		handoff_qr_free(d.qr[i]);
	handoff_summary_free(d.rows, d.nrows);
	/* Slips are rare: give back Pango's font map, so that a long-running
	 * console does not keep it. (cairo_debug_reset_static_data is not called:
	 * Cairo documents it as unsafe while any Cairo object lives.) */
	pango_cairo_font_map_set_default(NULL);
	return st;
}

const char *
handoff_slip_font_missing(const char *lang)
{
	/* the first family of the list is the one the slip is laid out for;
	 * the others only keep a missing one from showing empty boxes */
	static char first[64];
	const char *list = font_for(lang);
	size_t n = strcspn(list, ",");
	snprintf(first, sizeof first, "%.*s", (int)n, list);

	PangoFontMap *map = pango_cairo_font_map_new();
	PangoFontFamily **families = NULL;
	int count = 0;
	bool found = false;
	pango_font_map_list_families(map, &families, &count);
	for (int i = 0; i < count && !found; i++)
		found = strcmp(pango_font_family_get_name(families[i]), first) == 0;
	g_free(families);
	g_object_unref(map);
	return found ? NULL : first;
}

#else /* !HAVE_SLIP */

const char *
handoff_slip_font_missing(const char *lang)
{
	(void)lang;
	return "Pango";
}

handoff_status
handoff_slip_write(const answers *a, const handoff_codes *codes, const handoff_desk_key *desk,
                   const handoff_slip_text *t, handoff_paper paper, const char *pdf_path,
                   const char *png_path, int png_dpi, handoff_error *err)
{
	(void)a, (void)codes, (void)desk, (void)t, (void)paper, (void)pdf_path, (void)png_path,
	        (void)png_dpi;
	return handoff_fail(err, HANDOFF_ERR_SLIP, "built without Cairo and Pango");
}

#endif
