/* Pango paragraphs for the printed pages (handoff/text_layout.h). Like
 * slip.c, nothing here without Cairo and Pango (the fuzz build). */
#include "handoff/internal.h"

#if defined(__has_include)
#if __has_include(<pango/pangocairo.h>) && __has_include(<cairo-pdf.h>)
#define HAVE_TEXT_LAYOUT 1
#endif
#endif

#ifdef HAVE_TEXT_LAYOUT

#include "handoff/text_layout.h"

/* A gettext catalogue name as a language tag Pango reads: ja@easy is
 * Japanese, zh_TW is zh-tw. */
static PangoLanguage *
pango_lang(const char *lang)
{
	char tag[16];
	size_t i = 0;
	for (; lang && lang[i] && lang[i] != '@' && i + 1 < sizeof tag; i++)
		tag[i] = lang[i] == '_' ? '-' : lang[i];
	tag[i] = '\0';
	return pango_language_from_string(i ? tag : "ja");
}

PangoLayout *
handoff_text_layout(cairo_t *cr, const char *text, const char *font, const char *lang, double size,
                    int bold, double width)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	PangoAttrList *attrs = pango_attr_list_new();

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_attr_list_insert(attrs, pango_attr_language_new(pango_lang(lang)));
	pango_layout_set_attributes(l, attrs);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text ? text : "", -1);
	pango_attr_list_unref(attrs);
	pango_font_description_free(fd);
	return l;
}

double
handoff_text_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

#endif
