/*
 * Several codes for one application (docs/handoff-format.md, "Parts"),
 * only when one code of the allowed size is not enough. The whole envelope
 * is cut into 2..16 chunks of equal size (the last shorter); each chunk
 * travels in a part envelope [version][flags = part][set id (2)][index]
 * [count][chunk], where the set id is the first two bytes of SHA-256 of
 * the whole envelope. The counter may scan the parts in any order; the
 * join checks the set id again, so parts of two applications never mix.
 */
#include "handoff/internal.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static void
set_id(const unsigned char *env, size_t n, unsigned char id[2])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	if (sodium_init() < 0)
		abort();
	crypto_hash_sha256(h, env, n);
	id[0] = h[0];
	id[1] = h[1];
}

/* Characters of the armoured text of an n-byte envelope. */
static size_t
armoured_len(size_t n, handoff_armour a)
{
	if (a == HANDOFF_ARMOUR_DIGITS)
		return strlen(HANDOFF_DIGITS_PREFIX) + n / 2 * 5 + (n % 2) * 3;
	return strlen(HANDOFF_PREFIX) + n / 2 * 3 + (n % 2) * 2;
}

size_t
handoff_split(const unsigned char *env, size_t n, size_t cap, handoff_armour a,
              handoff_buf parts[HANDOFF_MAX_PARTS])
{
	unsigned char id[2];
	size_t count, chunk = 0;

	for (count = 2; count <= HANDOFF_MAX_PARTS; count++) {
		chunk = (n + count - 1) / count;
		if (armoured_len(HANDOFF_PART_HEADER + chunk, a) <= cap)
			break;
	}
	if (count > HANDOFF_MAX_PARTS)
		return 0;
	set_id(env, n, id);
	for (size_t i = 0, off = 0; i < count; i++, off += chunk) {
		size_t len = off + chunk <= n ? chunk : n - off;
		handoff_buf *p = &parts[i];
		*p = (handoff_buf){0};
		handoff_buf_putc(p, env[0]); /* the version of the whole */
		handoff_buf_putc(p, HANDOFF_FLAG_PART);
		handoff_buf_put(p, id, 2);
		handoff_buf_putc(p, (unsigned char)i);
		handoff_buf_putc(p, (unsigned char)count);
		handoff_buf_put(p, env + off, len);
	}
	return count;
}

/*
 * Every part must be a well-formed part envelope of the same set (id and
 * count); a part scanned twice is fine if both scans agree. Missing parts
 * are HANDOFF_ERR_PARTS with origin->parts_missing set, so the counter can
 * ask for exactly those.
 */
handoff_status
handoff_join(unsigned char *const *parts, const size_t *lens, size_t nparts, handoff_buf *env,
             handoff_origin *origin, handoff_error *err)
{
	const unsigned char *slot[HANDOFF_MAX_PARTS] = {0};
	size_t slotlen[HANDOFF_MAX_PARTS] = {0};
	unsigned count = 0, have = 0, missing = 0;
	unsigned char id[2] = {0, 0}, check[2];

	for (size_t i = 0; i < nparts; i++) {
		const unsigned char *p = parts[i];
		if (lens[i] <= HANDOFF_PART_HEADER || p[1] != HANDOFF_FLAG_PART || p[5] < 2 ||
		    p[5] > HANDOFF_MAX_PARTS || p[4] >= p[5])
			return handoff_fail(err, HANDOFF_ERR_CORRUPT,
			                    "scan %zu is a malformed part", i + 1);
		if (i == 0) {
			memcpy(id, p + 2, 2);
			count = p[5];
		} else if (memcmp(id, p + 2, 2) != 0 || count != p[5]) {
			return handoff_fail(err, HANDOFF_ERR_PARTS_MIXED,
			                    "scan %zu belongs to another application", i + 1);
		}
		if (slot[p[4]]) {
			if (slotlen[p[4]] != lens[i] || memcmp(slot[p[4]], p, lens[i]) != 0)
				return handoff_fail(
				        err, HANDOFF_ERR_PARTS_MIXED,
				        "part %u was scanned twice with different contents",
				        p[4] + 1u);
			continue;
		}
		slot[p[4]] = p;
		slotlen[p[4]] = lens[i];
		have++;
	}
	for (unsigned i = 0; i < count; i++)
		if (!slot[i])
			missing |= 1u << i;
	if (origin) {
		origin->parts_total = count;
		origin->parts_have = have;
		origin->parts_missing = missing;
	}
	if (missing)
		return handoff_fail(err, HANDOFF_ERR_PARTS, "%u of %u parts read", have, count);
	for (unsigned i = 0; i < count; i++)
		handoff_buf_put(env, slot[i] + HANDOFF_PART_HEADER,
		                slotlen[i] - HANDOFF_PART_HEADER);
	set_id(env->p, env->len, check);
	if (memcmp(check, id, 2) != 0)
		return handoff_fail(err, HANDOFF_ERR_CORRUPT,
		                    "the joined parts do not match their set id (altered?)");
	return HANDOFF_OK;
}
