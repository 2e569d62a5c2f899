/*
 * Key files (docs/handoff-format.md, "Keys"): the desk's Ed25519 signing
 * key, the public keys a counter trusts, and the city's X25519 box key.
 * All are small text files of "name: value" lines so that a counter system
 * in any language can read them; binary values are lower-case hex.
 */
#include "handoff/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define DESK_SECRET_MAGIC "yorisoi-desk-secret-key: 1"
#define DESK_PUBLIC_MAGIC "yorisoi-desk-public-key: 1"
#define CITY_SECRET_MAGIC "yorisoi-city-box-secret-key: 1"
#define CITY_PUBLIC_MAGIC "yorisoi-city-box-public-key: 1"
#define MAX_KEYFILE       (256 * 1024)

static void
init_sodium(void)
{
	if (sodium_init() < 0)
		abort();
}

void
handoff_keyid_hex(const unsigned char id[HANDOFF_KEYID_BYTES], char out[9])
{
	static const char hex[] = "0123456789ABCDEF";
	for (int i = 0; i < HANDOFF_KEYID_BYTES; i++) {
		out[2 * i] = hex[id[i] >> 4];
		out[2 * i + 1] = hex[id[i] & 15];
	}
	out[2 * HANDOFF_KEYID_BYTES] = '\0';
}

void
handoff_fingerprint(const unsigned char pk[32], char out[80])
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char h[crypto_hash_sha256_BYTES];
	char *o = out;

	init_sodium();
	crypto_hash_sha256(h, pk, 32);
	for (int i = 0; i < 32; i++) {
		if (i > 0 && i % 2 == 0)
			*o++ = ' ';
		*o++ = hex[h[i] >> 4];
		*o++ = hex[h[i] & 15];
	}
	*o = '\0';
}

void
handoff_key_id(const unsigned char pk[32], unsigned char id[HANDOFF_KEYID_BYTES])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	init_sodium();
	crypto_hash_sha256(h, pk, 32);
	memcpy(id, h, HANDOFF_KEYID_BYTES);
}

/* ---- reading key files ------------------------------------------------ */

/* Reads a small file whole; NULL with errno set on failure. */
static char *
read_small(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!fp)
		return NULL;
	buf = eng_xmalloc(MAX_KEYFILE + 1);
	n = fread(buf, 1, MAX_KEYFILE + 1, fp);
	if (ferror(fp) || n > MAX_KEYFILE) {
		int e = ferror(fp) ? EIO : EFBIG;
		fclose(fp);
		sodium_memzero(buf, MAX_KEYFILE + 1);
		free(buf);
		errno = e;
		return NULL;
	}
	fclose(fp);
	buf[n] = '\0';
	return buf;
}

/* Decodes exactly 2*n hex digits (either case) into out; -1 otherwise. */
static int
unhex(const char *s, unsigned char *out, size_t n)
{
	size_t bin_len = 0;
	const char *end;
	if (strlen(s) != 2 * n)
		return -1;
	if (sodium_hex2bin(out, n, s, 2 * n, NULL, &bin_len, &end) != 0 || bin_len != n)
		return -1;
	return 0;
}

/*
 * A key file parser: blocks start at a magic line; inside a block each line
 * is "name: value". Calls `block` at the end of each block with the values
 * it found (NULL when absent). Blank lines and '#' comments are ignored;
 * any other line outside a block is an error.
 */
typedef struct kv_block {
	const char *magic;
	const char *name, *id, *ed25519, *seed, *x25519, *x25519_secret;
	int line;
} kv_block;

typedef int (*block_fn)(const kv_block *b, void *ctx, handoff_error *err);

static handoff_status
parse_blocks(char *text, const char *path, block_fn fn, void *ctx, int *nblocks, handoff_error *err)
{
	static const char *const magics[] = {DESK_SECRET_MAGIC, DESK_PUBLIC_MAGIC,
	                                     CITY_SECRET_MAGIC, CITY_PUBLIC_MAGIC};
	kv_block b = {0};
	int in = 0, lineno = 0;
	char *save = NULL;

	*nblocks = 0;
	for (char *line = strtok_r(text, "\n", &save);; line = strtok_r(NULL, "\n", &save)) {
		int magic = -1;
		if (line) {
			lineno++;
			size_t len = strlen(line);
			while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' '))
				line[--len] = '\0';
			if (len == 0 || line[0] == '#')
				continue;
			for (size_t i = 0; i < sizeof magics / sizeof *magics; i++)
				if (strcmp(line, magics[i]) == 0)
					magic = (int)i;
		}
		if (in && (!line || magic >= 0)) {
			if (fn(&b, ctx, err) != 0)
				return err ? err->status : HANDOFF_ERR_KEYFILE;
			(*nblocks)++;
			in = 0;
		}
		if (!line)
			break;
		if (magic >= 0) {
			b = (kv_block){.magic = magics[magic], .line = lineno};
			in = 1;
			continue;
		}
		char *colon = strchr(line, ':');
		if (!in || !colon)
			return handoff_fail(err, HANDOFF_ERR_KEYFILE, "%s:%d: not a key file line",
			                    path, lineno);
		*colon = '\0';
		const char *v = colon[1] == ' ' ? colon + 2 : colon + 1;
		if (strcmp(line, "name") == 0)
			b.name = v;
		else if (strcmp(line, "id") == 0)
			b.id = v;
		else if (strcmp(line, "ed25519") == 0)
			b.ed25519 = v;
		else if (strcmp(line, "seed") == 0)
			b.seed = v;
		else if (strcmp(line, "x25519") == 0)
			b.x25519 = v;
		else if (strcmp(line, "x25519-secret") == 0)
			b.x25519_secret = v;
		/* unknown names are ignored: later versions may add lines */
	}
	return HANDOFF_OK;
}

static void
copy_name(char *dst, const char *src)
{
	snprintf(dst, HANDOFF_NAME_MAX, "%s", src ? src : "");
	/* no line breaks in names: they would break the file format */
	for (char *p = dst; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
}

/* ---- the desk key ------------------------------------------------------- */

void
handoff_desk_key_wipe(handoff_desk_key *k)
{
	sodium_memzero(k, sizeof *k);
}

void
handoff_desk_key_public(const handoff_desk_key *k, handoff_pubkey *out)
{
	memcpy(out->pk, k->pk, 32);
	memcpy(out->id, k->id, HANDOFF_KEYID_BYTES);
	memcpy(out->name, k->name, HANDOFF_NAME_MAX);
}

static int
desk_block(const kv_block *b, void *ctx, handoff_error *err)
{
	handoff_desk_key *k = ctx;
	unsigned char seed[32];
	if (strcmp(b->magic, DESK_SECRET_MAGIC) != 0)
		return 0;
	if (!b->seed || unhex(b->seed, seed, 32) != 0) {
		handoff_fail(err, HANDOFF_ERR_KEYFILE,
		             "line %d: the seed is missing or not 64 hex digits", b->line);
		return -1;
	}
	crypto_sign_seed_keypair(k->pk, k->sk, seed);
	sodium_memzero(seed, sizeof seed);
	handoff_key_id(k->pk, k->id);
	copy_name(k->name, b->name);
	return 0;
}

handoff_status
handoff_desk_key_load(const char *path, handoff_desk_key *k, handoff_error *err)
{
	char *text;
	int nblocks;
	handoff_status st;

	init_sodium();
	memset(k, 0, sizeof *k);
	if (!path)
		return handoff_fail(err, HANDOFF_ERR_KEYFILE, "no desk key file was named");
	text = read_small(path);
	if (!text)
		return handoff_fail(err, HANDOFF_ERR_KEYFILE, "cannot read %s: %s", path,
		                    strerror(errno));
	st = parse_blocks(text, path, desk_block, k, &nblocks, err);
	if (st == HANDOFF_OK && sodium_is_zero(k->pk, 32))
		st = handoff_fail(err, HANDOFF_ERR_KEYFILE, "%s holds no desk secret key", path);
	sodium_memzero(text, strlen(text));
	free(text);
	if (st != HANDOFF_OK)
		handoff_desk_key_wipe(k);
	return st;
}

/*
 * Writes `text` to path with mode 0600 and never over an existing file: a
 * temporary file in the same folder is written and synced, then link()ed to
 * the final name, which fails with EEXIST if another process was first. A
 * reader therefore sees no file or a whole one.
 */
static handoff_status
write_new_private(const char *path, const char *text, handoff_error *err)
{
	char tmp[4200];
	int fd, n = snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
	size_t len = strlen(text);
	handoff_status st = HANDOFF_OK;

	if (n < 0 || (size_t)n >= sizeof tmp)
		return handoff_fail(err, HANDOFF_ERR_KEYFILE, "the key path is too long");
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return handoff_fail(err, HANDOFF_ERR_KEYFILE, "cannot create %s: %s", tmp,
		                    strerror(errno));
	if (write(fd, text, len) != (ssize_t)len || fsync(fd) != 0) {
		st = handoff_fail(err, HANDOFF_ERR_KEYFILE, "cannot write %s: %s", tmp,
		                  strerror(errno));
		close(fd);
		goto out;
	}
	close(fd);
	if (link(tmp, path) != 0) {
		if (errno == EEXIST)
			st = handoff_fail(err, HANDOFF_ERR_KEY_EXISTS, "%s exists already", path);
		else
			st = handoff_fail(err, HANDOFF_ERR_KEYFILE, "cannot create %s: %s", path,
			                  strerror(errno));
	}
out:
	unlink(tmp);
	return st;
}

handoff_status
handoff_desk_key_create(const char *path, const char *name, handoff_desk_key *k, handoff_error *err)
{
	char seed_hex[65], text[512];
	unsigned char seed[32];
	handoff_status st;

	init_sodium();
	memset(k, 0, sizeof *k);
	if (!path)
		return handoff_fail(err, HANDOFF_ERR_KEYFILE, "no desk key file was named");
	randombytes_buf(seed, sizeof seed);
	sodium_bin2hex(seed_hex, sizeof seed_hex, seed, sizeof seed);
	copy_name(k->name, name);
	snprintf(text, sizeof text,
	         "# Yorisoi desk secret key. Keep it private: whoever has it can sign\n"
	         "# handoff codes in this desk's name.\n" DESK_SECRET_MAGIC
	         "\nname: %s\nseed: %s\n",
	         k->name, seed_hex);
	st = write_new_private(path, text, err);
	if (st == HANDOFF_OK) {
		crypto_sign_seed_keypair(k->pk, k->sk, seed);
		handoff_key_id(k->pk, k->id);
	}
	sodium_memzero(seed, sizeof seed);
	sodium_memzero(seed_hex, sizeof seed_hex);
	sodium_memzero(text, sizeof text);
	if (st != HANDOFF_OK)
		handoff_desk_key_wipe(k);
	return st;
}

/* ---- trusted public keys ------------------------------------------------ */

char *
handoff_pubkey_export(const handoff_pubkey *k)
{
	char hex[65], id[9], fp[80];
	char *out = eng_xmalloc(1024);
	sodium_bin2hex(hex, sizeof hex, k->pk, 32);
	handoff_keyid_hex(k->id, id);
	handoff_fingerprint(k->pk, fp);
	snprintf(out, 1024,
	         "# Yorisoi desk public key. Fingerprint: %s\n" DESK_PUBLIC_MAGIC
	         "\nid: %s\nname: %s\ned25519: %s\n",
	         fp, id, k->name, hex);
	return out;
}

void
handoff_keyring_add(handoff_keyring *kr, const handoff_pubkey *k)
{
	for (size_t i = 0; i < kr->n; i++)
		if (memcmp(kr->keys[i].pk, k->pk, 32) == 0)
			return;
	kr->keys = eng_xrealloc(kr->keys, (kr->n + 1) * sizeof *kr->keys);
	kr->keys[kr->n++] = *k;
}

void
handoff_keyring_free(handoff_keyring *kr)
{
	free(kr->keys);
	kr->keys = NULL;
	kr->n = 0;
}

static int
ring_block(const kv_block *b, void *ctx, handoff_error *err)
{
	handoff_keyring *kr = ctx;
	handoff_pubkey k = {0};

	if (strcmp(b->magic, DESK_SECRET_MAGIC) == 0) {
		handoff_desk_key d = {0};
		if (desk_block(b, &d, err) != 0)
			return -1;
		handoff_desk_key_public(&d, &k);
		handoff_desk_key_wipe(&d);
		handoff_keyring_add(kr, &k);
		return 0;
	}
	if (strcmp(b->magic, DESK_PUBLIC_MAGIC) != 0)
		return 0; /* city keys in the same file are not desk keys */
	if (!b->ed25519 || unhex(b->ed25519, k.pk, 32) != 0) {
		handoff_fail(err, HANDOFF_ERR_KEYFILE,
		             "line %d: the ed25519 key is missing or not 64 hex digits", b->line);
		return -1;
	}
	handoff_key_id(k.pk, k.id);
	if (b->id) {
		char id[9];
		handoff_keyid_hex(k.id, id);
		if (strcasecmp(id, b->id) != 0) {
			handoff_fail(err, HANDOFF_ERR_KEYFILE,
			             "line %d: the id %s does not belong to this key (it is %s)",
			             b->line, b->id, id);
			return -1;
		}
	}
	copy_name(k.name, b->name);
	handoff_keyring_add(kr, &k);
	return 0;
}

handoff_status
handoff_keyring_add_file(handoff_keyring *kr, const char *path, handoff_error *err)
{
	int nblocks = 0;
	size_t before = kr->n;
	char *text = read_small(path);
	handoff_status st;

	if (!text)
		return handoff_fail(err, HANDOFF_ERR_KEYFILE, "cannot read %s: %s", path,
		                    strerror(errno));
	st = parse_blocks(text, path, ring_block, kr, &nblocks, err);
	sodium_memzero(text, strlen(text));
	free(text);
	if (st == HANDOFF_OK && kr->n == before && nblocks == 0)
		st = handoff_fail(err, HANDOFF_ERR_KEYFILE, "%s holds no desk public key", path);
	return st;
}

/* ---- the city's box key ------------------------------------------------ */

void
handoff_city_key_wipe(handoff_city_key *k)
{
	sodium_memzero(k, sizeof *k);
}

char *
handoff_city_public_export(const handoff_city_key *k)
{
	char hex[65];
	char *out = eng_xmalloc(512);
	sodium_bin2hex(hex, sizeof hex, k->pk, 32);
	snprintf(
	        out, 512,
	        "# Yorisoi city box public key: desks seal handoff codes to it.\n" CITY_PUBLIC_MAGIC
	        "\nname: %s\nx25519: %s\n",
	        k->name, hex);
	return out;
}

handoff_status
handoff_city_key_create(const char *secret_path, const char *public_path, const char *name,
                        handoff_error *err)
{
	handoff_city_key k = {0};
	char hex[65], text[512];
	char *pub;
	handoff_status st;

	init_sodium();
	crypto_box_keypair(k.pk, k.sk);
	copy_name(k.name, name);
	sodium_bin2hex(hex, sizeof hex, k.sk, 32);
	snprintf(text, sizeof text,
	         "# Yorisoi city box secret key: opens sealed handoff codes. Keep it at the "
	         "counter only.\n" CITY_SECRET_MAGIC "\nname: %s\nx25519-secret: %s\n",
	         k.name, hex);
	st = write_new_private(secret_path, text, err);
	sodium_memzero(text, sizeof text);
	sodium_memzero(hex, sizeof hex);
	if (st == HANDOFF_OK) {
		pub = handoff_city_public_export(&k);
		st = write_new_private(public_path, pub, err);
		free(pub);
		if (st == HANDOFF_OK)
			chmod(public_path, 0644);
	}
	handoff_city_key_wipe(&k);
	return st;
}

static int
city_block(const kv_block *b, void *ctx, handoff_error *err)
{
	handoff_city_key *k = ctx;
	if (strcmp(b->magic, CITY_SECRET_MAGIC) == 0) {
		if (!b->x25519_secret || unhex(b->x25519_secret, k->sk, 32) != 0) {
			handoff_fail(err, HANDOFF_ERR_KEYFILE,
			             "line %d: the x25519-secret is missing or not 64 hex digits",
			             b->line);
			return -1;
		}
		crypto_scalarmult_base(k->pk, k->sk);
		k->has_sk = 1;
	} else if (strcmp(b->magic, CITY_PUBLIC_MAGIC) == 0) {
		if (!b->x25519 || unhex(b->x25519, k->pk, 32) != 0) {
			handoff_fail(err, HANDOFF_ERR_KEYFILE,
			             "line %d: the x25519 key is missing or not 64 hex digits",
			             b->line);
			return -1;
		}
	} else {
		return 0;
	}
	copy_name(k->name, b->name);
	return 0;
}

handoff_status
handoff_city_key_load(const char *path, handoff_city_key *k, handoff_error *err)
{
	int nblocks = 0;
	char *text;
	handoff_status st;

	init_sodium();
	memset(k, 0, sizeof *k);
	text = read_small(path);
	if (!text)
		return handoff_fail(err, HANDOFF_ERR_KEYFILE, "cannot read %s: %s", path,
		                    strerror(errno));
	st = parse_blocks(text, path, city_block, k, &nblocks, err);
	sodium_memzero(text, strlen(text));
	free(text);
	if (st == HANDOFF_OK && sodium_is_zero(k->pk, 32))
		st = handoff_fail(err, HANDOFF_ERR_KEYFILE, "%s holds no city box key", path);
	if (st != HANDOFF_OK)
		handoff_city_key_wipe(k);
	return st;
}

const handoff_pubkey *
handoff_keyring_next_with_id(const handoff_keyring *kr, const unsigned char id[HANDOFF_KEYID_BYTES],
                             size_t *pos)
{
	for (; kr && *pos < kr->n; (*pos)++)
		if (memcmp(kr->keys[*pos].id, id, HANDOFF_KEYID_BYTES) == 0)
			return &kr->keys[(*pos)++];
	return NULL;
}
