/* The counter's export folder (tui/counter/export.h); jansson writes the
 * JSON, libsodium's SHA-256 makes the id. */
#include "tui/counter/export.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
by_text(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

void
export_id(char *const *scans, size_t n, char out[EXPORT_ID_LEN + 1])
{
	char **sorted = malloc((n ? n : 1) * sizeof *sorted);
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;

	if (!sorted)
		abort();
	memcpy(sorted, scans, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, by_text);
	crypto_hash_sha256_init(&st);
	for (size_t i = 0; i < n; i++) {
		crypto_hash_sha256_update(&st, (const unsigned char *)sorted[i], strlen(sorted[i]));
		crypto_hash_sha256_update(&st, (const unsigned char *)"\n", 1);
	}
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, EXPORT_ID_LEN + 1, h, EXPORT_ID_LEN / 2);
	free(sorted);
}

bool
export_exists(const char *dir, const char *id, time_t *when)
{
	char path[4096];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s.json", dir, id);
	if (stat(path, &st) != 0)
		return false;
	if (when)
		*when = st.st_mtime;
	return true;
}

static void
say(char *why, size_t n, const char *what, const char *path)
{
	snprintf(why, n, "%s %s: %s", what, path, strerror(errno));
}

/* Writes data to <dir>/<name> through a temporary file flushed to disk;
 * EXPORT_EXISTS (and nothing written) when the name is taken. */
static export_status
write_atomic(const char *dir, const char *name, const char *data, size_t len, char *why,
             size_t whylen)
{
	char tmp[4096], path[4096];
	export_status rc = EXPORT_FAILED;
	snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, name);
	snprintf(path, sizeof path, "%s/%s", dir, name);

	int fd = mkstemp(tmp);
	if (fd < 0) {
		say(why, whylen, "cannot create a file in", dir);
		return rc;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			say(why, whylen, "cannot write", tmp);
			goto out;
		}
		done += (size_t)w;
	}
	if (fsync(fd) != 0) {
		say(why, whylen, "cannot flush", tmp);
		goto out;
	}
	if (link(tmp, path) != 0) {
		if (errno == EEXIST)
			rc = EXPORT_EXISTS;
		else
			say(why, whylen, "cannot name", path);
		goto out;
	}
	rc = EXPORT_OK;
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) { /* the new name itself survives a power cut */
		fsync(dfd);
		close(dfd);
	}
out:
	close(fd);
	unlink(tmp);
	return rc;
}

static const char *
class_name(jis_class c)
{
	return c == JIS_NEITHER ? "none" : c == JIS_X0213 ? "jisx0213" : "jisx0208";
}

static json_t *
marks_json(const export_record *r)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < r->nmarks; i++) {
		const jis_mark *m = &r->marks[i];
		json_array_append_new(arr, json_pack("{s:s, s:i, s:s, s:s, s:s}", "field",
		                                     field_id(m->fld), "instance", m->instance,
		                                     "value", m->value, "chars", m->chars,
		                                     "outside", class_name(m->worst)));
	}
	return arr;
}

static json_t *
corrections_json(const export_record *r)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < r->ncorrections; i++) {
		const export_correction *c = &r->corrections[i];
		json_array_append_new(arr, json_pack("{s:s, s:i, s:s, s:s}", "field",
		                                     field_id(c->fld), "instance", c->instance,
		                                     "from", c->from, "to", c->to));
	}
	return arr;
}

static char *
record_json(const answers *a, const export_record *r, char *why, size_t whylen)
{
	const form *f = answers_form(a);
	char *answers_text = answers_to_json(a, r->lang);
	json_error_t je;
	json_t *parsed = answers_text ? json_loads(answers_text, 0, &je) : NULL;
	free(answers_text);
	if (!parsed) {
		snprintf(why, whylen, "the answers could not be written as JSON");
		return NULL;
	}
	char when[40], id[9] = "";
	struct tm tm;
	localtime_r(&r->received, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S%z", &tm);
	size_t wl = strlen(when); /* +0900 as RFC 3339's +09:00 */
	if (wl == 24) {
		memmove(when + 23, when + 22, 3);
		when[22] = ':';
	}
	if (r->origin && r->origin->is_signed)
		handoff_keyid_hex(r->origin->key_id, id);

	json_t *related = json_array();
	for (size_t i = 0; i < r->nrelated; i++)
		json_array_append_new(related, json_string(r->related[i]));
	json_t *desk = json_pack(
	        "{s:s, s:s, s:b, s:b, s:o}", "key_id", id, "name",
	        r->origin && r->origin->desk ? r->origin->desk->name : "", "signed",
	        r->origin && r->origin->is_signed, "sealed", r->origin && r->origin->sealed, "made",
	        r->origin && r->origin->made[0] ? json_string(r->origin->made) : json_null());
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:o, s:O, s:o, s:o, s:o}",
	                      "export", "yorisoi-counter 1", "id", r->id, "received", when, "form",
	                      form_id(f), "form_version", form_version(f), "form_title",
	                      form_title(f), "lang", r->lang ? r->lang : "", "desk", desk,
	                      "answers", json_object_get(parsed, "answers"), "marks", marks_json(r),
	                      "corrections", corrections_json(r), "related", related);
	json_decref(parsed);
	char *text = o ? json_dumps(o, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(o);
	if (!text)
		snprintf(why, whylen, "the record could not be written as JSON");
	return text;
}

/* One CSV field, quoted as RFC 4180 has it. */
static void
csv_field(char **buf, size_t *len, size_t *cap, const char *s, char end)
{
	size_t need = 2 * strlen(s) + 4;
	if (*len + need >= *cap) {
		*cap = (*len + need) * 2;
		*buf = realloc(*buf, *cap);
		if (!*buf)
			abort();
	}
	char *p = *buf + *len;
	*p++ = '"';
	for (; *s; s++) {
		if (*s == '"')
			*p++ = '"';
		*p++ = *s;
	}
	*p++ = '"';
	if (end == '\n')
		*p++ = '\r';
	*p++ = end;
	*len = (size_t)(p - *buf);
}

/* id, form, form_version, repeat, instance, field, term, value, shown:
 * one row per answer, the stored value and the paper's reading of it. */
static char *
record_csv(const answers *a, const export_record *r, size_t *len)
{
	const form *f = answers_form(a);
	size_t cap = 1024;
	char *buf = malloc(cap), num[32], ver[32];
	answer_walk w;

	if (!buf)
		abort();
	*len = 0;
	const char *head[] = {"id",    "form", "form_version", "repeat", "instance",
	                      "field", "term", "value",        "shown"};
	for (size_t i = 0; i < 9; i++)
		csv_field(&buf, len, &cap, head[i], i == 8 ? '\n' : ',');
	snprintf(ver, sizeof ver, "%d", form_version(f));
	answers_walk_begin(&w, a, ANSWERS_WALK_APPLYING);
	while (answers_walk_next(&w)) {
		if (w.event != WALK_FIELD || !w.value)
			continue;
		char shown[2048];
		snprintf(num, sizeof num, "%d", w.instance);
		csv_field(&buf, len, &cap, r->id, ',');
		csv_field(&buf, len, &cap, form_id(f), ',');
		csv_field(&buf, len, &cap, ver, ',');
		csv_field(&buf, len, &cap, w.repeat ? repeat_id(w.repeat) : "", ',');
		csv_field(&buf, len, &cap, w.repeat ? num : "", ',');
		csv_field(&buf, len, &cap, field_id(w.field), ',');
		csv_field(&buf, len, &cap, field_term(w.field), ',');
		csv_field(&buf, len, &cap, w.value, ',');
		csv_field(&buf, len, &cap,
		          answer_format(w.field, w.value, ANSWER_SHOW_TERM, NULL, shown,
		                        sizeof shown),
		          '\n');
	}
	return buf;
}

int
export_make_dir(const char *dir)
{
	char path[4096];
	size_t n = strlen(dir);
	if (n == 0 || n >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(path, dir, n + 1);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(path, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

export_status
export_write(const char *dir, const answers *a, const export_record *r, bool csv, char *why,
             size_t whylen)
{
	char name[EXPORT_ID_LEN + 8];
	export_status st;
	if (export_make_dir(dir) != 0) {
		say(why, whylen, "cannot make the folder", dir);
		return EXPORT_FAILED;
	}
	if (export_exists(dir, r->id, NULL))
		return EXPORT_EXISTS;
	/* The CSV goes first and the JSON last: the JSON's name is what says
	 * "accepted", so a failure in between leaves a code that can be
	 * accepted again, and a CSV already there from that try is kept. */
	if (csv) {
		size_t len;
		char *text = record_csv(a, r, &len);
		snprintf(name, sizeof name, "%s.csv", r->id);
		st = write_atomic(dir, name, text, len, why, whylen);
		sodium_memzero(text, len);
		free(text);
		if (st == EXPORT_FAILED)
			return st;
	}
	char *json = record_json(a, r, why, whylen);
	if (!json)
		return EXPORT_FAILED;
	snprintf(name, sizeof name, "%s.json", r->id);
	st = write_atomic(dir, name, json, strlen(json), why, whylen);
	sodium_memzero(json, strlen(json));
	free(json);
	return st;
}

/* <32 hex>.json|.csv|.pdf: what export_write and the console put here. */
static bool
is_export_name(const char *n)
{
	size_t len = strlen(n);
	if (len != EXPORT_ID_LEN + 4 && len != EXPORT_ID_LEN + 5)
		return false;
	for (size_t i = 0; i < EXPORT_ID_LEN; i++)
		if (!((n[i] >= '0' && n[i] <= '9') || (n[i] >= 'a' && n[i] <= 'f')))
			return false;
	const char *ext = n + EXPORT_ID_LEN;
	return strcmp(ext, ".json") == 0 || strcmp(ext, ".csv") == 0 || strcmp(ext, ".pdf") == 0;
}

int
export_purge(const char *dir, const char *day, bool before, char *why, size_t whylen)
{
	DIR *d = opendir(dir);
	int removed = 0;
	if (!d) {
		if (errno == ENOENT)
			return 0;
		say(why, whylen, "cannot read the folder", dir);
		return -1;
	}
	for (struct dirent *e; (e = readdir(d));) {
		char path[4096], date[11];
		struct stat st;
		struct tm tm;
		if (!is_export_name(e->d_name))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		localtime_r(&st.st_mtime, &tm);
		strftime(date, sizeof date, "%Y-%m-%d", &tm);
		int cmp = day ? strcmp(date, day) : 0;
		if (day && (before ? cmp >= 0 : cmp != 0))
			continue;
		if (unlink(path) != 0) {
			say(why, whylen, "cannot remove", path);
			closedir(d);
			return -1;
		}
		removed++;
	}
	closedir(d);
	return removed;
}
