/*
 * store — drafts in SQLite, so a visit can resume next week.
 *
 * One database file (default $XDG_DATA_HOME/yorisoi/drafts.db, the caller
 * chooses). A draft is a form id and version, the UI language, the index of
 * the question the resident was on, and the answers. The answers are kept
 * encrypted at rest (libsodium secretbox) under a key in a file beside the
 * database, created with mode 0600 on first use; only the form id, the
 * timestamps and the position are plain, so the start screen can list
 * drafts without decrypting. Every save is one committed transaction, so a
 * process killed at any moment loses at most the answer being typed.
 *
 * Drafts expire: store_purge_expired() deletes those not touched for the
 * given number of days (14 by default).
 *
 * No function prints or exits; failures return -1 with a store_error.
 */
#ifndef YORISOI_STORE_H
#define YORISOI_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "engine/engine.h"

typedef struct store store;

typedef enum store_status {
	STORE_OK = 0,
	STORE_ERR_OPEN,       /* cannot create or open the file (permissions, bad path) */
	STORE_ERR_LOCKED,     /* another process holds the database */
	STORE_ERR_IO,         /* a read or write failed (disk full, I/O error) */
	STORE_ERR_CORRUPT,    /* not a Yorisoi database, or a draft fails to decrypt */
	STORE_ERR_KEY,        /* the key file is missing, unreadable or of the wrong size */
	STORE_ERR_NOT_FOUND,  /* no such draft */
	STORE_ERR_DAMAGED,    /* the file itself is damaged: SQLite finds it malformed, it is
	                         not a database at all, or it was cut short (even to 0
	                         bytes while its key file exists); store_set_aside */
	STORE_ERR_IN_USE,     /* the draft is open in another console (store_draft_lease) */
	STORE_ERR_CONFLICT,   /* the draft was saved by someone else since this handle read
	                         it: not overwritten */
	STORE_ERR_NEED_CODE,  /* the draft has a key of its own: its code or card first */
	STORE_ERR_WRONG_CODE, /* not the draft's code (or not its card); tries_left says */
	STORE_ERR_NO_TRIES    /* the code was wrong too often: only the card can open it */
} store_status;

typedef struct store_error {
	store_status status;
	char detail[256]; /* technical detail (SQLite's message, errno text) */
} store_error;

enum { STORE_DEFAULT_EXPIRY_DAYS = 14 };

/*
 * Moves a damaged drafts file out of the way, never overwriting or
 * deleting anything: path becomes path.damaged-YYYYMMDD-HHMMSS (a number
 * is added when that name is taken), and its key file and journal move
 * with it under the same name. The new name of the database is written to
 * moved. 0, or -1 with err filled (nothing moved, or only what the error
 * says).
 */
int store_set_aside(const char *path, char *moved, size_t n, store_error *err);

/* Opens the database at path (creating the file, schema and key as needed;
 * the folder must exist: where it lives is the front end's decision). */
int store_open(const char *path, store **out, store_error *err);

/* Options for store_open_with(); a zero member means the default. */
typedef struct store_options {
	int busy_timeout_ms; /* how long to wait for another process's lock
	                        before STORE_ERR_LOCKED (default 5000) */
	bool without_key;    /* do not read the key file: list, delete and purge
	                        work (they need no key), create, save and load
	                        fail with STORE_ERR_KEY. Lets `drafts list` and
	                        `drafts purge --all` work when the key is lost. */
} store_options;

/* store_open() with options; opt may be NULL. */
int store_open_with(const char *path, const store_options *opt, store **out, store_error *err);
void store_close(store *s);

typedef struct store_draft_info {
	int64_t id;
	char form_id[64];
	int form_version;
	char lang[16];
	int position; /* index of the current question */
	int answered; /* how many answers are stored */
	time_t created;
	time_t updated;
} store_draft_info;

/* Starts a new, empty draft for a form; *id receives its id. */
int store_draft_create(store *s, const char *form_id, int form_version, const char *lang,
                       int64_t *id, store_error *err);

/*
 * A draft is open in one console at a time. store_draft_lease takes it for
 * this handle (giving back any other draft it held): an open-file-
 * description lock on one byte of path.lock, which the kernel drops when
 * the handle is closed or the process ends in any way, even killed.
 * STORE_ERR_IN_USE when another handle, here or in another process, holds
 * it. store_draft_release gives it back.
 *
 * Behind the lease, store_draft_save refuses (STORE_ERR_CONFLICT) to write
 * over a draft whose seq changed since this handle leased, loaded or saved
 * it: two writers can never silently lose each other's answers.
 */
int store_draft_lease(store *s, int64_t id, store_error *err);
void store_draft_release(store *s);

/*
 * A draft only its resident can reopen. Each draft gets a random key of its
 * own (XChaCha20-Poly1305 seals the answers with it). That key is stored
 * only wrapped: under a key stretched from the draft's come-back code with
 * Argon2id (libsodium's crypto_pwhash, interactive limits, a salt per
 * draft), and, when the visit began with a card, under a key made from the
 * card's name and birth date with this desk's secret (store_card_secret);
 * nothing from the card is stored. Whoever sits down at the same account
 * later sees the drafts list (procedure, dates, how far) and nothing more.
 *
 * STORE_CODE_CHARS lists the code's alphabet: no 0/O, 1/I/L, 2/Z, 5/S, 8/B
 * look-alikes. A code is STORE_CODE_LEN of them (about 36 bits); a wrong
 * code costs one of STORE_CODE_TRIES tries, after which only the card
 * opens the draft; a lost code and no card means the draft cannot be read.
 */
#define STORE_CODE_CHARS "ACDEFGHJKMNPQRTUVWXY34679"
enum { STORE_CODE_LEN = 8, STORE_CODE_TRIES = 5, STORE_CARD_SECRET_BYTES = 32 };

/* A new random come-back code (STORE_CODE_LEN characters and a NUL). */
void store_code_new(char out[STORE_CODE_LEN + 1]);

/* The card's key for this desk: BLAKE2b keyed with the drafts file's key
 * over the card's name and birth date. */
void store_card_secret(const store *s, const char *name, const char *birth,
                       unsigned char out[STORE_CARD_SECRET_BYTES]);

/*
 * Gives a new draft a key of its own, wrapped under `code` and, when
 * card_secret is not NULL, under the card; the key stays unlocked in this
 * handle. The draft must not hold answers yet (made by store_draft_create).
 */
int store_draft_protect(store *s, int64_t id, const char *code, const unsigned char *card_secret,
                        store_error *err);

/*
 * Unlocks a protected draft for this handle with its code (typed: spaces,
 * hyphens and lower case are fine) or with its card's secret (code NULL).
 * A wrong code is STORE_ERR_WRONG_CODE and costs a try; *tries_left (when
 * not NULL) says how many remain. With none left, STORE_ERR_NO_TRIES. A
 * right code gives all the tries back. A draft without a key of its own
 * needs no unlocking (0).
 */
int store_draft_unlock(store *s, int64_t id, const char *code, const unsigned char *card_secret,
                       int *tries_left, store_error *err);

/* Whether a draft has a key of its own (1), not (0), or -1 on error. */
int store_draft_protected(store *s, int64_t id, store_error *err);

/* Saves the whole answers and the current position in one transaction. */
int store_draft_save(store *s, int64_t id, const answers *a, int position, store_error *err);

/* Lists drafts, most recently updated first; *list is malloc'd. */
int store_draft_list(store *s, store_draft_info **list, size_t *count, store_error *err);

/* Loads a draft: the answers (for form f, which must match the draft's
 * form id) and the position. The caller frees *out with answers_free(). */
int store_draft_load(store *s, int64_t id, const form *f, answers **out, int *position,
                     store_error *err);

int store_draft_info_get(store *s, int64_t id, store_draft_info *out, store_error *err);
int store_draft_delete(store *s, int64_t id, store_error *err);

/* Deletes drafts not updated for `days` days as of `now`; *deleted
 * (optional) receives how many. Also vacuums, so nothing lingers in free
 * pages of the file. */
int store_purge_expired(store *s, time_t now, int days, int *deleted, store_error *err);

/* Deletes every draft (drafts purge --all). */
int store_purge_all(store *s, int *deleted, store_error *err);

/*
 * Postal codes (store/postal.c): Japan Post's code-to-address table, built
 * into a read-only SQLite file (postal.db) at build time from
 * data/postal/postal.tsv.gz; docs/postal.md says where the data comes from
 * and how to refresh it. Works offline.
 *
 * A code never identifies one address (Japan Post: one code may name several towns): it may cover
 * several towns, several cities or, in three cases, two prefectures. The
 * lookup returns every place and the console asks the resident to pick and
 * confirm.
 */
typedef struct store_postal store_postal;

/* One place a code covers. Strings are UTF-8 as Japan Post writes them
 * (full-width digits in town names); the readings are full-width katakana.
 * town is empty where the code covers the whole city (KEN_ALL's
 * 以下に掲載がない場合). office and street are set only for the individual
 * codes of large offices (大口事業所), for which town is the office's town. */
typedef struct store_postal_place {
	char prefecture[32];
	char city[64];
	char town[128];
	char prefecture_kana[32];
	char city_kana[96];
	char town_kana[192];
	char office[256];
	char street[192];
} store_postal_place;

/* Opens postal.db read-only. A missing file is STORE_ERR_OPEN, a file that
 * is no database at all STORE_ERR_DAMAGED, a database that is not a postal
 * one STORE_ERR_CORRUPT. One handle serves one thread. */
int store_postal_open(const char *db_path, store_postal **out, store_error *err);

/* Where the data came from, e.g. "jquery-jpostal-ja 2.14.73 (data ver2.13
 * 2025-09-25 2025-09-30)", for an about screen; owned by the handle. */
const char *store_postal_source(const store_postal *p);

/* Normalises what a resident typed to 7 ASCII digits: "100-0001",
 * "1000001", full-width "１００－０００１", with an optional 〒 and spaces
 * around it; the hyphen may be any dash or ー. 0, or -1 if it is not a
 * postal code. */
int store_postal_normalize(const char *in, char out[8]);

/* Every place for a code, in Japan Post's order (prefecture and city by
 * local-government code, then towns in its order), which is stable from
 * one build to the next. *places is malloc'd (free() it; NULL when *count
 * is 0). An unknown code is success with *count 0. Input that is not a
 * postal code (see store_postal_normalize) fails with STORE_ERR_NOT_FOUND
 * and the detail "not a postal code"; SQLite failures as elsewhere. */
int store_postal_lookup(store_postal *p, const char *code, store_postal_place **places,
                        size_t *count, store_error *err);

/* The 丁目 of the town of a place, ascending (鶴見中央 of 横浜市鶴見区: 1 to
 * 5), from the town data built into postal.db beside Japan Post's table
 * (docs/postal.md): at most STORE_CHOME_MAX numbers into chome, their count
 * into *count. A town the data does not divide into 丁目, or a place
 * without a town, is success with *count 0. */
enum { STORE_CHOME_MAX = 99 };
/* The town with its 丁目 as an address writes it, in Arabic digits as the
 * forms' examples and the block spellings do: 鶴見中央 and 5 give
 * 鶴見中央5丁目. -1 when out is too small. */
int store_postal_chome_town(const char *town, int chome, char *out, size_t n);
int store_postal_chome(store_postal *p, const store_postal_place *pl, int chome[STORE_CHOME_MAX],
                       size_t *count, store_error *err);

void store_postal_close(store_postal *p);

/*
 * Statistics (store/stats.c, store/stats_math.c): the numbers a programme
 * reports, in a file of their own (the console keeps it beside the drafts
 * file), so purging or setting drafts aside never touches them. Counts and
 * durations only: a day (YYYY-MM-DD, never a clock time), a form id, a UI
 * language, whole seconds, keystrokes and the id of the question where an
 * unfinished application stopped. No answer, name, card data or draft id
 * is ever given to these functions. An application's row gets a random
 * id, so the file does not keep the order of the day's visits.
 */
typedef struct store_stats store_stats;

/* Counted per day: STORE_STATS_VISITS, _CARD_READS (a real card read and
 * confirmed), _DEMO_CARD_READS, _PIN_BLOCKS_AVOIDED (the last-try
 * confirmation answered "no"). */
#define STORE_STATS_VISITS             "visits"
#define STORE_STATS_CARD_READS         "card_reads"
#define STORE_STATS_DEMO_CARD_READS    "demo_card_reads"
#define STORE_STATS_PIN_BLOCKS_AVOIDED "pin_blocks_avoided"

/* One application worked on during one visit. */
typedef struct store_stats_application {
	char day[11]; /* YYYY-MM-DD */
	char form_id[64];
	char lang[16];
	bool resumed;        /* a saved draft opened again, not a new application */
	bool completed;      /* reached the handoff code */
	bool handed_off;     /* Done: the resident has the code */
	int seconds;         /* from its start (or reopening) to its end, this visit */
	int keystrokes;      /* keys pressed meanwhile */
	char stopped_at[64]; /* not completed: the question id it stopped on
	                        ("review" on Check your answers); else "" */
} store_stats_application;

/* Opens (creating) the statistics file at path; the folder must exist. */
int store_stats_open(const char *path, store_stats **out, store_error *err);
void store_stats_close(store_stats *st);

/* Adds n to a day's measure (one of the STORE_STATS_ names). */
int store_stats_count(store_stats *st, const char *day, const char *measure, int n,
                      store_error *err);

/* Records one application (rec->day set by the caller). */
int store_stats_add_application(store_stats *st, const store_stats_application *rec,
                                store_error *err);

/* The sum of a measure over the days from..to (inclusive, YYYY-MM-DD). */
int store_stats_total(store_stats *st, const char *from, const char *to, const char *measure,
                      long *total, store_error *err);

/* The applications of the days from..to, by form id, language, then
 * seconds; *list is malloc'd (free() it; NULL when *count is 0). */
int store_stats_applications(store_stats *st, const char *from, const char *to,
                             store_stats_application **list, size_t *count, store_error *err);

/* Arithmetic on n values (sorted in place): the median (the mean of the
 * two middle values when n is even) and the 90th percentile by nearest
 * rank (the value at rank ceil(0.9 n)). 0 when n is 0. */
double store_stats_median(int *v, size_t n);
int store_stats_p90(int *v, size_t n);

#endif
