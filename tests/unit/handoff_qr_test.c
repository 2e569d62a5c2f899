/* The QR symbol and its three renderings: text, PNG, SVG. */
#include "tests/unit/test.h"

#include "handoff/internal.h"

#include <png.h>
#include <stdlib.h>
#include <unistd.h>

/* Display columns of a UTF-8 line made of ASCII and the block glyphs. */
static int
columns(const char *s)
{
	int n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

TEST(make_smallest_version)
{
	handoff_qr *q = NULL;
	handoff_error err;
	REQUIRE(handoff_qr_make("YR1:ABC", &q, &err) == HANDOFF_OK);
	CHECK_INT(q->version, 1);
	CHECK_INT(q->width, 21);
	/* The top-left finder pattern: a dark 7x7 ring. */
	CHECK(q->modules[0] && q->modules[6] && q->modules[6 * 21] && !q->modules[1 * 21 + 1]);
	handoff_qr_free(q);

	/* 20 alphanumeric characters fit version 1 at M, 21 do not. */
	REQUIRE(handoff_qr_make("YR1:0123456789ABCDEF", &q, &err) == HANDOFF_OK);
	CHECK_INT(q->version, 1);
	handoff_qr_free(q);
	REQUIRE(handoff_qr_make("YR1:0123456789ABCDEFG", &q, &err) == HANDOFF_OK);
	CHECK_INT(q->version, 2);
	handoff_qr_free(q);
}

TEST(make_limits)
{
	handoff_qr *q = (handoff_qr *)1;
	handoff_error err;
	char *big = malloc(HANDOFF_MAX_TEXT + 2);
	CHECK_INT(handoff_qr_make("YR1:abc", &q, &err), HANDOFF_ERR_ENCODING);
	CHECK(q == NULL);
	CHECK_INT(handoff_qr_make("", &q, &err), HANDOFF_ERR_ENCODING);
	memset(big, 'A', HANDOFF_MAX_TEXT + 1);
	big[HANDOFF_MAX_TEXT + 1] = '\0';
	CHECK_INT(handoff_qr_make(big, &q, &err), HANDOFF_ERR_TOO_LARGE);
	big[HANDOFF_MAX_TEXT] = '\0';
	REQUIRE(handoff_qr_make(big, &q, &err) == HANDOFF_OK);
	CHECK_INT(q->version, 40);
	CHECK_INT(q->width, 177);
	handoff_qr_free(q);
	free(big);
}

TEST(render_text_dimensions)
{
	handoff_qr *q = NULL;
	handoff_error err;
	size_t nlines;
	int cols;
	char **l;

	REQUIRE(handoff_qr_make("YR1:0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", &q, &err) ==
	        HANDOFF_OK);
	int v = q->version;
	CHECK_INT(v, 3);

	/* Half blocks: 4V + 25 columns, 2V + 13 lines (as qrencode -t UTF8). */
	l = handoff_qr_render_text(q, 1, &nlines, &cols);
	CHECK_INT(cols, 4 * v + 25);
	CHECK_INT(nlines, 2 * v + 13);
	for (size_t i = 0; i < nlines; i++)
		CHECK_INT(columns(l[i]), cols);
	/* Quiet zone: the first two lines are blank; line 2 holds module rows
	 * 4 and 5, the top of the finder pattern (dark above dark). */
	CHECK(strspn(l[0], " ") == (size_t)cols && strspn(l[1], " ") == (size_t)cols);
	CHECK(strncmp(l[2], "    \u2588\u2580\u2580\u2580\u2580\u2580\u2588 ", 4 + 7 * 3 + 1) == 0);
	/* The last line holds the last quiet row above nothing. */
	CHECK(strspn(l[nlines - 1], " ") == (size_t)cols);
	handoff_qr_free_lines(l, nlines);

	/* ASCII: two characters per module, one row per line. */
	l = handoff_qr_render_text(q, 0, &nlines, &cols);
	CHECK_INT(cols, 2 * (q->width + 8));
	CHECK_INT(nlines, q->width + 8);
	for (size_t i = 0; i < nlines; i++)
		CHECK_INT(strlen(l[i]), cols);
	CHECK(strncmp(l[4], "        ##############  ", 24) == 0);
	CHECK(strncmp(l[5], "        ##          ##  ", 24) == 0);
	handoff_qr_free_lines(l, nlines);
	handoff_qr_free(q);
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
	       p[3];
}

TEST(png_is_valid_and_matches_modules)
{
	handoff_qr *q = NULL;
	handoff_error err;
	char path[] = "/tmp/handoff_qr_test_XXXXXX";
	int fd = mkstemp(path);
	REQUIRE(fd >= 0);
	close(fd);
	REQUIRE(handoff_qr_make("YR1:HELLO WORLD", &q, &err) == HANDOFF_OK);
	REQUIRE(handoff_qr_write_png(q, path, 3, &err) == HANDOFF_OK);

	unsigned char head[33];
	FILE *fp = fopen(path, "rb");
	REQUIRE(fp);
	CHECK_INT(fread(head, 1, sizeof head, fp), sizeof head);
	fclose(fp);
	CHECK(memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0);
	CHECK(memcmp(head + 12, "IHDR", 4) == 0);
	CHECK_INT(be32(head + 16), (21 + 8) * 3);
	CHECK_INT(be32(head + 20), (21 + 8) * 3);
	CHECK_INT(head[24], 1); /* bit depth */
	CHECK_INT(head[25], 0); /* greyscale */

	/* Read it back whole with libpng and compare each module's centre. */
	png_image img;
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	REQUIRE(png_image_begin_read_from_file(&img, path));
	img.format = PNG_FORMAT_GRAY;
	unsigned char *px = malloc(PNG_IMAGE_SIZE(img));
	REQUIRE(png_image_finish_read(&img, NULL, px, 0, NULL));
	int side = (int)img.width, bad = 0;
	for (int y = 0; y < 29; y++)
		for (int x = 0; x < 29; x++) {
			int dark = x >= 4 && y >= 4 && x < 25 && y < 25 &&
			           q->modules[(y - 4) * 21 + (x - 4)];
			unsigned char v = px[(y * 3 + 1) * side + x * 3 + 1];
			bad += dark ? v != 0 : v != 255;
		}
	CHECK_INT(bad, 0);
	free(px);
	unlink(path);
	handoff_qr_free(q);
}

TEST(png_and_svg_failures)
{
	handoff_qr *q = NULL;
	handoff_error err;
	REQUIRE(handoff_qr_make("YR1:X", &q, &err) == HANDOFF_OK);
	CHECK_INT(handoff_qr_write_png(q, "/nonexistent-dir/x.png", 4, &err), HANDOFF_ERR_IO);
	CHECK(strstr(err.detail, "/nonexistent-dir/x.png") != NULL);
	CHECK_INT(handoff_qr_write_png(q, "/tmp/x.png", 0, &err), HANDOFF_ERR_IO);
	CHECK_INT(handoff_qr_write_svg(q, "/nonexistent-dir/x.svg", &err), HANDOFF_ERR_IO);
	if (access("/dev/full", W_OK) == 0) {
		CHECK_INT(handoff_qr_write_png(q, "/dev/full", 4, &err), HANDOFF_ERR_IO);
		CHECK_INT(handoff_qr_write_svg(q, "/dev/full", &err), HANDOFF_ERR_IO);
	}
	handoff_qr_free(q);
}

TEST(svg_shape)
{
	handoff_qr *q = NULL;
	handoff_error err;
	char path[] = "/tmp/handoff_svg_test_XXXXXX", buf[8192];
	int fd = mkstemp(path);
	REQUIRE(fd >= 0);
	close(fd);
	REQUIRE(handoff_qr_make("YR1:X", &q, &err) == HANDOFF_OK);
	REQUIRE(handoff_qr_write_svg(q, path, &err) == HANDOFF_OK);
	FILE *fp = fopen(path, "r");
	REQUIRE(fp);
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	CHECK(strncmp(buf, "<?xml", 5) == 0);
	CHECK(strstr(buf, "viewBox=\"0 0 29 29\"") != NULL);
	/* The first row starts with the 7-module finder run at (4,4). */
	CHECK(strstr(buf, "M4 4h7v1h-7z") != NULL);
	CHECK(strstr(buf, "</svg>\n") != NULL);
	unlink(path);
	handoff_qr_free(q);
}

/* Reading the half-block lines back gives exactly the symbol, dark modules
 * as ink, with a light quiet zone of 4 modules. */
TEST(render_text_reads_back)
{
	handoff_qr *q = NULL;
	handoff_error err;
	size_t nlines;
	int cols, bad = 0;
	REQUIRE(handoff_qr_make("YR1:V50%ZS6996Q941A QHDB9%%5OUCJ/PJES.W0-%U7G1%QU:6DMXOQ8K/O100",
	                        &q, &err) == HANDOFF_OK);
	char **l = handoff_qr_render_text(q, 1, &nlines, &cols);
	int side = q->width + 8;
	for (size_t i = 0; i < nlines; i++) {
		const char *p = l[i];
		for (int x = 0; x < side; x++) {
			int up, down;
			if (*p == ' ') {
				up = down = 0;
				p++;
			} else {
				up = strncmp(p, "\u2580", 3) == 0 || strncmp(p, "\u2588", 3) == 0;
				down = strncmp(p, "\u2584", 3) == 0 || strncmp(p, "\u2588", 3) == 0;
				p += 3;
			}
			for (int h = 0; h < 2; h++) {
				int y = 2 * (int)i + h, mx = x - 4, my = y - 4;
				int want = mx >= 0 && my >= 0 && mx < q->width && my < q->width &&
				           q->modules[my * q->width + mx];
				bad += (h ? down : up) != want;
			}
		}
		CHECK(*p == '\0');
	}
	CHECK_INT(bad, 0);
	handoff_qr_free_lines(l, nlines);
	handoff_qr_free(q);
}
