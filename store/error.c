/* Filling a store_error: the one place statuses and SQLite codes meet. */
#include "store/internal.h"

#include <stdlib.h>

#include <stdarg.h>
#include <stdio.h>

int
store_fail(store_error *err, store_status status, const char *fmt, ...)
{
	if (!err)
		return -1;
	va_list ap;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof err->detail, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * SQLite's primary result code says what kind of trouble it was: another
 * process holding the file, a file we cannot open or write, an I/O failure
 * or full disk, or a file that is not (or no longer) a database. Anything
 * else (a misuse, a constraint) is reported as an I/O error with SQLite's
 * own words, since the caller can do no more about it than about a failed
 * write.
 */
int
store_fail_sqlite(store_error *err, sqlite3 *db, int rc, const char *what)
{
	store_status st;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		st = STORE_ERR_LOCKED;
		break;
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		st = STORE_ERR_OPEN;
		break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
	case SQLITE_FORMAT:
		st = STORE_ERR_DAMAGED;
		break;
	case SQLITE_IOERR:
	case SQLITE_FULL:
	default:
		st = STORE_ERR_IO;
		break;
	}
	return store_fail(err, st, "%s: %s", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}
