/* One console per draft (store.h, store_draft_lease). */
#define _GNU_SOURCE /* F_OFD_SETLK: locks that belong to an open file, not a process */
#include "store/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Sets or clears the lock on byte `id` of the lock file. */
static int
lock_byte(int fd, int64_t id, short type)
{
	struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = (off_t)id, .l_len = 1};
	return fcntl(fd, F_OFD_SETLK, &fl);
}

int
store_draft_lease(store *s, int64_t id, store_error *err)
{
	if (id <= 0)
		return store_fail(err, STORE_ERR_NOT_FOUND, "no draft %lld", (long long)id);
	if (s->leased_id == id)
		return 0;
	store_draft_release(s);
	if (s->lock_fd < 0) {
		s->lock_fd = open(s->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (s->lock_fd < 0)
			return store_fail(err, STORE_ERR_OPEN, "cannot open %s: %s", s->lock_path,
			                  strerror(errno));
	}
	if (lock_byte(s->lock_fd, id, F_WRLCK) != 0) {
		if (errno == EAGAIN || errno == EACCES)
			return store_fail(err, STORE_ERR_IN_USE,
			                  "draft %lld is open in another console", (long long)id);
		return store_fail(err, STORE_ERR_IO, "cannot lock %s: %s", s->lock_path,
		                  strerror(errno));
	}
	int64_t seq = store_draft_seq(s, id, err);
	if (seq < 0) {
		lock_byte(s->lock_fd, id, F_UNLCK);
		return -1;
	}
	s->leased_id = id;
	s->leased_seq = seq;
	return 0;
}

void
store_draft_release(store *s)
{
	if (s && s->lock_fd >= 0 && s->leased_id > 0)
		lock_byte(s->lock_fd, s->leased_id, F_UNLCK);
	if (s) {
		s->leased_id = 0;
		s->leased_seq = 0;
	}
}
