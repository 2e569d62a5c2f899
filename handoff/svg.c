/*
 * The symbol as SVG: one module per user unit, a white background with the
 * 4-module quiet zone, and one path of dark runs per row (crisp edges), so
 * it scales to any print size.
 */
#include "handoff/internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define QUIET 4

handoff_status
handoff_qr_write_svg(const handoff_qr *q, const char *path, handoff_error *err)
{
	int side = q->width + 2 * QUIET;
	FILE *fp = fopen(path, "w");

	if (!fp)
		return handoff_fail(err, HANDOFF_ERR_IO, "%s: %s", path, strerror(errno));
	fprintf(fp,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 %d %d\" "
	        "width=\"%dmm\" height=\"%dmm\" shape-rendering=\"crispEdges\">\n"
	        "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"",
	        side, side, side / 2, side / 2, side, side);
	for (int y = 0; y < q->width; y++) {
		const unsigned char *row = q->modules + (size_t)y * (size_t)q->width;
		for (int x = 0; x < q->width;) {
			if (!row[x]) {
				x++;
				continue;
			}
			int run = 0;
			while (x + run < q->width && row[x + run])
				run++;
			fprintf(fp, "M%d %dh%dv1h-%dz", x + QUIET, y + QUIET, run, run);
			x += run;
		}
		fputc('\n', fp);
	}
	fprintf(fp, "\"/>\n</svg>\n");
	if (ferror(fp)) {
		fclose(fp);
		handoff_remove_partial(path);
		return handoff_fail(err, HANDOFF_ERR_IO, "%s: could not write the SVG", path);
	}
	if (fclose(fp) != 0) {
		handoff_remove_partial(path);
		return handoff_fail(err, HANDOFF_ERR_IO, "%s: %s", path, strerror(errno));
	}
	return HANDOFF_OK;
}
