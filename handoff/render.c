/*
 * The symbol as text for a terminal, with the 4-module quiet zone.
 *
 * Polarity: a dark module is drawn as ink (a block glyph) and a light one
 * as a blank cell, so the code reads correctly where ink is darker than the
 * paper: a light-background terminal, a printout, or a dark-on-light colour
 * pair that the console sets for the code. (qrencode's UTF8 output does the
 * opposite and assumes light text on a dark background.) The caller must
 * draw these lines dark on light; on a dark terminal without colour the
 * code would come out inverted, which many scanners refuse.
 */
#include "handoff/internal.h"

#include <stdlib.h>
#include <string.h>

#define QUIET 4

static int
dark_at(const handoff_qr *q, int x, int y)
{
	x -= QUIET;
	y -= QUIET;
	if (x < 0 || y < 0 || x >= q->width || y >= q->width)
		return 0;
	return q->modules[(size_t)y * (size_t)q->width + (size_t)x] != 0;
}

/*
 * UTF-8: two module rows per line, one module per column, with ▀ (upper
 * dark), ▄ (lower dark), █ (both) and a space; the bottom row of an odd
 * total falls on a line whose lower half is light. ASCII: "##" or two
 * spaces per module, so modules stay roughly square, one row per line.
 */
char **
handoff_qr_render_text(const handoff_qr *q, int utf8, size_t *nlines, int *cols)
{
	int side = q->width + 2 * QUIET;
	size_t lines = utf8 ? (size_t)(side + 1) / 2 : (size_t)side;
	char **out = eng_xmalloc(lines * sizeof *out);

	for (size_t l = 0; l < lines; l++) {
		char *s = eng_xmalloc((size_t)side * 3 + 1), *p = s;
		for (int x = 0; x < side; x++) {
			if (!utf8) {
				const char *cell = dark_at(q, x, (int)l) ? "##" : "  ";
				memcpy(p, cell, 2);
				p += 2;
				continue;
			}
			int up = dark_at(q, x, 2 * (int)l), down = dark_at(q, x, 2 * (int)l + 1);
			const char *g = up && down ? "\u2588"
			                : up       ? "\u2580"
			                : down     ? "\u2584"
			                           : " ";
			size_t gl = strlen(g);
			memcpy(p, g, gl);
			p += gl;
		}
		*p = '\0';
		out[l] = s;
	}
	*nlines = lines;
	*cols = utf8 ? side : 2 * side;
	return out;
}

void
handoff_qr_free_lines(char **lines, size_t nlines)
{
	if (!lines)
		return;
	for (size_t i = 0; i < nlines; i++)
		free(lines[i]);
	free(lines);
}
