/*
 * The symbol as a 1-bit greyscale PNG (libpng), `scale` pixels per module
 * and a 4-module quiet zone: small files, sharp edges for printing.
 */
#include "handoff/internal.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUIET 4

/* One pixel row, bit set = white, most significant bit first. */
static void
fill_row(const handoff_qr *q, int scale, int py, unsigned char *row, size_t rowbytes)
{
	int side = (q->width + 2 * QUIET) * scale;
	int my = py / scale - QUIET;

	memset(row, 0xff, rowbytes);
	if (my < 0 || my >= q->width)
		return;
	for (int px = 0; px < side; px++) {
		int mx = px / scale - QUIET;
		if (mx >= 0 && mx < q->width &&
		    q->modules[(size_t)my * (size_t)q->width + (size_t)mx])
			row[px / 8] &= (unsigned char)~(0x80u >> (px % 8));
	}
}

/* Everything that libpng may longjmp out of lives here, with no locals
 * that change after setjmp. Returns 0 or -1. */
static int
write_png_stream(FILE *fp, const handoff_qr *q, int scale, unsigned char *row)
{
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	int side = (q->width + 2 * QUIET) * scale;
	size_t rowbytes = ((size_t)side + 7) / 8;

	if (!png || !info) {
		png_destroy_write_struct(&png, NULL);
		return -1;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		return -1;
	}
	png_init_io(png, fp);
	png_set_IHDR(png, info, (png_uint_32)side, (png_uint_32)side, 1, PNG_COLOR_TYPE_GRAY,
	             PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (int y = 0; y < side; y++) {
		fill_row(q, scale, y, row, rowbytes);
		png_write_row(png, row);
	}
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	return 0;
}

handoff_status
handoff_qr_write_png(const handoff_qr *q, const char *path, int scale, handoff_error *err)
{
	handoff_status st = HANDOFF_OK;
	unsigned char *row = NULL;
	FILE *fp;

	if (scale < 1 || scale > 64)
		return handoff_fail(err, HANDOFF_ERR_IO, "scale %d is not between 1 and 64", scale);
	fp = fopen(path, "wb");
	if (!fp)
		return handoff_fail(err, HANDOFF_ERR_IO, "%s: %s", path, strerror(errno));
	row = eng_xmalloc(((size_t)(q->width + 2 * QUIET) * (size_t)scale + 7) / 8);
	if (write_png_stream(fp, q, scale, row) != 0)
		st = handoff_fail(err, HANDOFF_ERR_IO, "%s: could not write the PNG", path);
	if (fclose(fp) != 0 && st == HANDOFF_OK)
		st = handoff_fail(err, HANDOFF_ERR_IO, "%s: %s", path, strerror(errno));
	free(row);
	if (st != HANDOFF_OK)
		handoff_remove_partial(path);
	return st;
}
