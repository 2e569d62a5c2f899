/* Files and folders (see files.h). */
#include "tui/files.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *
tui_file_read(const char *path, size_t max, size_t *len)
{
	FILE *fp = (!path || strcmp(path, "-") == 0) ? stdin : fopen(path, "rb");
	size_t cap = 4096, n = 0;
	char *buf = NULL;
	int e = 0;

	if (!fp)
		return NULL;
	buf = malloc(cap);
	if (!buf)
		abort(); /* out of memory: see engine.h */
	for (;;) {
		if (n == cap - 1) {
			if (n > max) /* read one byte past max: too long */
				break;
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		size_t got = fread(buf + n, 1, cap - 1 - n, fp);
		n += got;
		/* a terminal's end of input (Ctrl-D) comes once: asking again would
		 * wait for a second one */
		if (got == 0 || feof(fp)) {
			if (ferror(fp))
				e = EIO;
			break;
		}
	}
	if (!e && n > max)
		e = EFBIG;
	if (fp != stdin)
		fclose(fp);
	if (e) {
		free(buf);
		errno = e;
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int
tui_file_exe_dir(char *out, size_t n)
{
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return -1;
	exe[len] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	return snprintf(out, n, "%s", exe) >= (int)n ? -1 : 0;
}

int
tui_mkdir_p(const char *path, mode_t mode)
{
	char dir[PATH_MAX];
	struct stat st;
	int n = snprintf(dir, sizeof dir, "%s", path);

	if (n <= 0 || (size_t)n >= sizeof dir) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(dir, mode) != 0 && errno != EEXIST)
			return -1;
		*p = saved;
		if (saved == '\0')
			break;
	}
	/* EEXIST may have been a file */
	if (stat(dir, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

int
tui_mkdir_parent(const char *path)
{
	char dir[PATH_MAX];
	int n = snprintf(dir, sizeof dir, "%s", path);
	if (n < 0 || (size_t)n >= sizeof dir) {
		errno = ENAMETOOLONG;
		return -1;
	}
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0; /* the current folder, or the root */
	*slash = '\0';
	return tui_mkdir_p(dir, 0700);
}
