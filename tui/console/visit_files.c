/* Files a visit makes (see visit_files.h). */
#include "tui/console/visit_files.h"
#include "tui/console/app.h"
#include "tui/files.h"
#include "tui/paths.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The folder this visit's files go to: made on first use. */
static const char *
visit_dir(app *a)
{
	if (a->opt->slip_dir)
		return a->opt->slip_dir;
	if (a->visit_dir[0])
		return a->visit_dir;
	const char *root = tui_path_private_dir();
	if (!root)
		return NULL;
	snprintf(a->visit_dir, sizeof a->visit_dir, "%s/visit-%ld-XXXXXX", root, (long)getpid());
	if (!mkdtemp(a->visit_dir)) {
		a->visit_dir[0] = '\0';
		return NULL;
	}
	return a->visit_dir;
}

int
visit_file_new(app *a, const char *form_id, const char *suffix, char *out, size_t n)
{
	const char *dir = visit_dir(a);
	if (!dir)
		return -1;
	int len = snprintf(out, n, "%s/yorisoi-%s-XXXXXX%s", dir, form_id, suffix);
	if (len < 0 || (size_t)len >= n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	int fd = mkstemps(out, (int)strlen(suffix)); /* 0600, a name nobody can guess */
	if (fd < 0)
		return -1;
	close(fd);
	for (int i = 0; i < VISIT_MAX_FILES; i++)
		if (!a->visit_files[i][0]) {
			snprintf(a->visit_files[i], sizeof a->visit_files[i], "%s", out);
			break;
		}
	return 0;
}

void
visit_files_remove(app *a)
{
	for (int i = 0; i < VISIT_MAX_FILES; i++) {
		if (a->visit_files[i][0])
			unlink(a->visit_files[i]);
		a->visit_files[i][0] = '\0';
	}
	if (a->visit_dir[0])
		rmdir(a->visit_dir);
	a->visit_dir[0] = '\0';
}

/* Removes a folder of files (no subfolders are ever made in it). */
static void
remove_folder(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char f[4096];
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (snprintf(f, sizeof f, "%s/%s", path, e->d_name) < (int)sizeof f)
			unlink(f);
	}
	closedir(d);
	rmdir(path);
}

void
visit_files_sweep(void)
{
	const char *root = tui_path_private_dir();
	DIR *d = root ? opendir(root) : NULL;
	struct dirent *e;
	char path[4096];
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		long pid;
		if (sscanf(e->d_name, "visit-%ld-", &pid) != 1 || pid <= 0)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* still running (or not ours to ask) */
		if (snprintf(path, sizeof path, "%s/%s", root, e->d_name) < (int)sizeof path)
			remove_folder(path);
	}
	closedir(d);
}
