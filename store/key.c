/*
 * The drafts key: 32 random bytes in a file beside the database
 * ("drafts.db.key"), readable by its owner only.
 *
 * The file is made under a temporary name, written and fsync'd, then
 * published with link(2), which fails if the name exists. Two consoles
 * starting at once therefore agree on one key, and nobody ever reads a
 * half-written key file: the final name appears only with its full
 * contents. A crash before link() leaves at most a stray temporary file.
 */
#include "store/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
store_key_path(const char *db_path, char *out, size_t outlen)
{
	int n = snprintf(out, outlen, "%s.key", db_path);
	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

/* Makes the folder entry of a freshly linked file durable too. */
static void
fsync_parent(const char *path)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Writes a new random key under a temporary name and links it into place.
 * Returns 0 when our key or a concurrent creator's is now at key_path. */
static int
key_create(const char *key_path, store_error *err)
{
	char tmp[PATH_MAX];
	unsigned char key[STORE_KEY_BYTES];
	int fd = -1, rc = -1;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", key_path) >= (int)sizeof tmp)
		return store_fail(err, STORE_ERR_KEY, "key path too long");
	fd = mkstemp(tmp); /* mode 0600, O_EXCL */
	if (fd < 0)
		return store_fail(err, STORE_ERR_KEY, "cannot create key file %s: %s", tmp,
		                  strerror(errno));
	randombytes_buf(key, sizeof key);
	if (fchmod(fd, 0600) != 0 || write(fd, key, sizeof key) != (ssize_t)sizeof key ||
	    fsync(fd) != 0) {
		store_fail(err, STORE_ERR_KEY, "cannot write key file %s: %s", tmp,
		           strerror(errno));
		goto out;
	}
	if (link(tmp, key_path) != 0 && errno != EEXIST) {
		store_fail(err, STORE_ERR_KEY, "cannot create key file %s: %s", key_path,
		           strerror(errno));
		goto out;
	}
	fsync_parent(key_path);
	rc = 0;
out:
	sodium_memzero(key, sizeof key);
	close(fd);
	unlink(tmp);
	return rc;
}

/*
 * Reads an existing key file. It must be a regular file of exactly
 * STORE_KEY_BYTES bytes with no permissions for group or others (like
 * ssh's private keys: a key others could read protects nothing).
 * Returns 0, 1 when the file does not exist, or -1 with STORE_ERR_KEY.
 */
static int
key_read(const char *key_path, unsigned char *key, store_error *err)
{
	struct stat st;
	int rc = -1;
	int fd = open(key_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0 && errno == ENOENT)
		return 1;
	if (fd < 0)
		return store_fail(err, STORE_ERR_KEY, "cannot open key file %s: %s", key_path,
		                  strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		store_fail(err, STORE_ERR_KEY, "key file %s is not a regular file", key_path);
		goto out;
	}
	if (st.st_mode & 077) {
		store_fail(err, STORE_ERR_KEY, "key file %s is accessible by others (mode %03o)",
		           key_path, (unsigned)(st.st_mode & 0777));
		goto out;
	}
	if (st.st_size != STORE_KEY_BYTES) {
		store_fail(err, STORE_ERR_KEY, "key file %s has %lld bytes, not %d", key_path,
		           (long long)st.st_size, STORE_KEY_BYTES);
		goto out;
	}
	if (read(fd, key, STORE_KEY_BYTES) != STORE_KEY_BYTES) {
		store_fail(err, STORE_ERR_KEY, "cannot read key file %s", key_path);
		goto out;
	}
	rc = 0;
out:
	close(fd);
	return rc;
}

int
store_key_load(const char *key_path, int create, unsigned char *key, store_error *err)
{
	int rc = key_read(key_path, key, err);

	if (rc != 1)
		return rc;
	if (!create)
		return store_fail(err, STORE_ERR_KEY,
		                  "key file %s is missing; the drafts in this database cannot be "
		                  "read without it",
		                  key_path);
	if (key_create(key_path, err) != 0)
		return -1;
	rc = key_read(key_path, key, err);
	return rc == 1 ? store_fail(err, STORE_ERR_KEY, "key file %s vanished", key_path) : rc;
}

/* BLAKE2b keyed with the drafts key over a fixed label: reveals nothing
 * about the key, but differs for every other key. */
void
store_key_check(const unsigned char *key, unsigned char out[STORE_KEY_CHECK_BYTES])
{
	static const char label[] = "yorisoi drafts key check v1";
	crypto_generichash(out, STORE_KEY_CHECK_BYTES, (const unsigned char *)label,
	                   sizeof label - 1, key, STORE_KEY_BYTES);
}
