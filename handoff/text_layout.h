/*
 * Pango text for the printed pages (slip.c, paper.c): one paragraph in a
 * font family list at an absolute size, wrapped to a width at any
 * character when a word does not fit, with the reader's language tag so
 * Han characters take that language's glyphs. Private to handoff/; only
 * for files built with Cairo and Pango.
 */
#ifndef YORISOI_HANDOFF_TEXT_LAYOUT_H
#define YORISOI_HANDOFF_TEXT_LAYOUT_H

#include <cairo.h>
#include <pango/pangocairo.h>

/* lang is a catalogue name (ja, zh_TW, ja@easy) or NULL for Japanese;
 * size and width are points. Free with g_object_unref. */
PangoLayout *handoff_text_layout(cairo_t *cr, const char *text, const char *font, const char *lang,
                                 double size, int bold, double width);

/* The layout's height in points. */
double handoff_text_height(PangoLayout *l);

#endif
