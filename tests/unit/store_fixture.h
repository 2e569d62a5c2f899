/*
 * Shared helpers for the store tests (tests/unit/store_*_test.c): a
 * scratch folder under /tmp, the fixture form, raw SQL on a second
 * connection, and looking for bytes in a file.
 */
#ifndef YORISOI_TESTS_STORE_FIXTURE_H
#define YORISOI_TESTS_STORE_FIXTURE_H

#include "store/store.h"

#include <stddef.h>

/* A fresh folder /tmp/yorisoi-store-XXXXXX in dir (PATH_MAX), and the
 * database path inside it in db. Returns 0 or -1. */
int fx_setup(char *dir, char *db);

/* rm -r dir. */
void fx_cleanup(const char *dir);

/* tests/data/forms/store_test.xml, or NULL (the failure is printed). */
form *fx_form(void);

/* Opens db with a short busy timeout so lock tests stay fast. */
int fx_open(const char *db, store **s, store_error *err);

/* Runs sql on its own connection to db; 0 or the SQLite code. */
int fx_sql(const char *db, const char *sql);

/* One integer from a query on its own connection, or -1. */
long long fx_sql_int(const char *db, const char *sql);

/* Reads the sealed blob of draft id into buf; returns its length or -1. */
long fx_sealed(const char *db, long long id, unsigned char *buf, size_t n);

/* Writes the sealed blob of draft id. 0 or -1. */
int fx_set_sealed(const char *db, long long id, const unsigned char *buf, size_t n);

/* 1 when the file holds the bytes, 0 when not, -1 when unreadable. */
int fx_file_contains(const char *path, const void *needle, size_t n);

#endif
