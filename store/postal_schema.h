/*
 * Private to store/postal.c and store/tools/postal_build.c: the layout of
 * postal.db, which the build writes and the console only reads.
 */
#ifndef YORISOI_STORE_POSTAL_SCHEMA_H
#define YORISOI_STORE_POSTAL_SCHEMA_H

#include "store/store.h"

/* PRAGMA application_id "YRSP", user_version POSTAL_SCHEMA_VERSION. */
enum { POSTAL_APPLICATION_ID = 0x59525350, POSTAL_SCHEMA_VERSION = 2 };

/* The highest 丁目 a town may have in the chome table. */
enum { POSTAL_CHOME_MAX = STORE_CHOME_MAX };

/* The columns, in the order of the data file and of store_postal_place.
 * rowid keeps the data file's order, which is Japan Post's. */
#define POSTAL_COLUMNS                                                                             \
	"code, prefecture, city, town, prefecture_kana, city_kana, town_kana, office, street"
enum { POSTAL_NCOLUMNS = 9 };

#define POSTAL_SCHEMA                                                                              \
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"                            \
	"CREATE TABLE postal(code TEXT NOT NULL, prefecture TEXT NOT NULL, city TEXT NOT NULL,"    \
	" town TEXT NOT NULL, prefecture_kana TEXT NOT NULL, city_kana TEXT NOT NULL,"             \
	" town_kana TEXT NOT NULL, office TEXT NOT NULL, street TEXT NOT NULL);"                   \
	"CREATE TABLE chome(prefecture TEXT NOT NULL, city TEXT NOT NULL, town TEXT NOT NULL,"     \
	" numbers TEXT NOT NULL, PRIMARY KEY (prefecture, city, town)) WITHOUT ROWID;"

/* Created after the rows are in, which is faster than keeping it up. */
#define POSTAL_INDEX "CREATE INDEX postal_code ON postal(code);"

#endif
