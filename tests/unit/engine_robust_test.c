/*
 * The loader never crashes on a damaged definition: every truncation of
 * the real form, and a sweep of single-byte corruptions, either loads or
 * fails with at least one diagnostic. Run under ASan this is a small,
 * deterministic fuzz of the XML path.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdlib.h>
#include <unistd.h>

static void
count_diag(const form_diag *d, void *ctx)
{
	(void)d;
	(*(int *)ctx)++;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

/* Writes buf to a temporary file and loads it; returns 1 when the result is
 * sane: loaded with no diagnostics, or failed with some. */
static int
load_bytes(const char *buf, size_t n)
{
	char path[] = "/tmp/yorisoi-robust-XXXXXX.xml";
	int fd = mkstemps(path, 4), diags = 0, rc;
	form *f = NULL;
	if (fd < 0)
		return 0;
	if (write(fd, buf, n) != (ssize_t)n) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	rc = form_load(path, "forms", &f, count_diag, &diags);
	unlink(path);
	form_free(f);
	return (rc == 0 && diags == 0 && f) || (rc == -1 && diags > 0);
}

TEST(every_truncation)
{
	size_t len;
	char *buf = slurp("forms/juminhyo.xml", &len);
	int bad = 0;
	REQUIRE(buf);
	for (size_t n = 0; n < len; n += (n < 200 ? 1 : 37))
		if (!load_bytes(buf, n))
			bad++;
	CHECK_INT(bad, 0);
	free(buf);
}

TEST(byte_corruptions)
{
	size_t len;
	char *buf = slurp("forms/juminhyo.xml", &len);
	static const char junk[] = {'\0', '<', '>', '"', '&', '\xff', '\xe3', 'x', '/', '='};
	int bad = 0;
	REQUIRE(buf);
	for (size_t i = 0; i < len; i += 53) {
		char saved = buf[i];
		buf[i] = junk[i % sizeof junk];
		if (!load_bytes(buf, len))
			bad++;
		buf[i] = saved;
	}
	CHECK_INT(bad, 0);
	free(buf);
}
