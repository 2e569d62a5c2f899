/*
 * Raw DEFLATE (RFC 1951, no zlib header or checksum: the QR symbol has its
 * own error correction and the signature will cover integrity) with the
 * preset dictionary, so that the first occurrence of
 * a prefecture or a common address word is already a back-reference.
 */
#include "handoff/internal.h"

#include <stdlib.h>
#include <zlib.h>

void
handoff_deflate(int format, const unsigned char *in, size_t n, handoff_buf *out)
{
	size_t dlen;
	const unsigned char *dict = handoff_dict(format, &dlen);
	z_stream zs = {0};
	unsigned char chunk[4096];
	int ret;

	if (deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	if (deflateSetDictionary(&zs, dict, (uInt)dlen) != Z_OK)
		abort();
	zs.next_in = (Bytef *)in;
	zs.avail_in = (uInt)n;
	do {
		zs.next_out = chunk;
		zs.avail_out = sizeof chunk;
		ret = deflate(&zs, Z_FINISH);
		if (ret == Z_STREAM_ERROR)
			abort();
		handoff_buf_put(out, chunk, sizeof chunk - zs.avail_out);
	} while (ret != Z_STREAM_END);
	deflateEnd(&zs);
}

/*
 * Inflates a whole raw DEFLATE stream held in memory. Total on any input:
 * a stream that ends early is ZIP_TRUNCATED, bytes after the final block
 * are ZIP_TRAILING, output beyond `limit` stops at once with ZIP_TOO_BIG
 * (so a crafted stream cannot make us allocate much), and anything zlib
 * rejects is ZIP_CORRUPT. On error `out` holds partial output the caller
 * frees as usual.
 */
zip_status
handoff_inflate(int format, const unsigned char *in, size_t n, size_t limit, handoff_buf *out)
{
	size_t dlen;
	const unsigned char *dict = handoff_dict(format, &dlen);
	z_stream zs = {0};
	unsigned char chunk[4096];
	zip_status st = ZIP_OK;
	int ret;

	if (inflateInit2(&zs, -15) != Z_OK)
		abort();
	if (inflateSetDictionary(&zs, dict, (uInt)dlen) != Z_OK)
		abort();
	zs.next_in = (Bytef *)in;
	zs.avail_in = (uInt)n;
	for (;;) {
		zs.next_out = chunk;
		zs.avail_out = sizeof chunk;
		ret = inflate(&zs, Z_NO_FLUSH);
		size_t got = sizeof chunk - zs.avail_out;
		if (out->len + got > limit) {
			st = ZIP_TOO_BIG;
			goto out;
		}
		handoff_buf_put(out, chunk, got);
		if (ret == Z_STREAM_END)
			break;
		if (ret == Z_OK)
			continue;
		if (ret == Z_BUF_ERROR && zs.avail_in == 0) {
			st = ZIP_TRUNCATED;
			goto out;
		}
		if (ret == Z_MEM_ERROR)
			abort();
		st = ZIP_CORRUPT;
		goto out;
	}
	if (zs.avail_in != 0)
		st = ZIP_TRAILING;
out:
	inflateEnd(&zs);
	return st;
}
