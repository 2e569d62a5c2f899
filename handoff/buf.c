/* Memory helpers and the growable byte buffer of the handoff module. */
#include "handoff/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void
handoff_buf_put(handoff_buf *b, const void *data, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n)
			cap *= 2;
		b->p = wipe_realloc(b->p, b->len, cap); /* the bytes are answers */
		b->cap = cap;
	}
	if (n)
		memcpy(b->p + b->len, data, n);
	b->len += n;
}

void
handoff_buf_putc(handoff_buf *b, unsigned char c)
{
	handoff_buf_put(b, &c, 1);
}

void
handoff_buf_free(handoff_buf *b)
{
	wipe_free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

handoff_status
handoff_fail(handoff_error *err, handoff_status s, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		err->status = s;
		va_start(ap, fmt);
		vsnprintf(err->detail, sizeof err->detail, fmt, ap);
		va_end(ap);
	}
	return s;
}

void
handoff_remove_partial(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		remove(path);
}
