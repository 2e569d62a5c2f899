/*
 * The counter's export folder: each accepted application as one JSON file
 * (and optionally CSV) for the city's systems (docs/counter.md, "Export").
 * A file is named by the code's own id, so scanning the same slip again
 * finds it instead of writing a second one; it is written to a temporary
 * name, flushed to disk and then linked into place, which fails when the
 * name exists. The station keeps no other personal data, and purge
 * removes a day's files.
 */
#ifndef YORISOI_TUI_COUNTER_EXPORT_H
#define YORISOI_TUI_COUNTER_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/jis.h"

#define EXPORT_ID_LEN 32 /* hex digits */

/* The code's id: the first 16 bytes of SHA-256 over its scanned texts in
 * sorted order, one per line, so the parts of a slip give the same id in
 * any order. */
void export_id(char *const *scans, size_t n, char out[EXPORT_ID_LEN + 1]);

/* Whether <dir>/<id>.json exists; its modification time in *when. */
bool export_exists(const char *dir, const char *id, time_t *when);

/* A value the clerk changed before accepting (a 字形 corrected). */
typedef struct export_correction {
	const field *fld;
	int instance;
	char from[512], to[512];
} export_correction;

/* Everything an export holds besides the answers. */
typedef struct export_record {
	const char *id;
	const char *lang;
	const handoff_origin *origin;
	const jis_mark *marks; /* kept as they are, confirmed by the clerk */
	size_t nmarks;
	const export_correction *corrections;
	size_t ncorrections;
	char *const *related; /* official names of related procedures */
	size_t nrelated;
	time_t received;
} export_record;

typedef enum export_status {
	EXPORT_OK = 0,
	EXPORT_EXISTS, /* this code was exported before: nothing written */
	EXPORT_FAILED  /* could not write: *why says why (English, from the system) */
} export_status;

/* Makes dir and its parents (0700) when missing; 0, or -1 with errno. */
int export_make_dir(const char *dir);

/* Makes dir (0700) when missing, then writes <id>.json, and <id>.csv with
 * csv. */
export_status export_write(const char *dir, const answers *a, const export_record *r, bool csv,
                           char *why, size_t whylen);

/* Removes the exported files (<id>.json, .csv, .pdf) last changed on day
 * (YYYY-MM-DD, local time), or before it with `before`, or all with day
 * NULL. Returns how many files, or -1 with *why. */
int export_purge(const char *dir, const char *day, bool before, char *why, size_t whylen);

#endif
