/*
 * Printing the slip through CUPS: `lp -d PRINTER FILE`, run directly
 * (no shell, so printer and file names need no quoting), waiting for lp to
 * queue the job. lp's own output goes to /dev/null: the caller tells the
 * user what happened in their language.
 */
#include "handoff/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

handoff_status
handoff_slip_print(const char *printer, const char *pdf_path, handoff_error *err)
{
	pid_t pid;
	int status;

	if (!printer || !*printer || printer[0] == '-' || !pdf_path)
		return handoff_fail(err, HANDOFF_ERR_SLIP, "no printer name");
	pid = fork();
	if (pid < 0)
		return handoff_fail(err, HANDOFF_ERR_SLIP, "cannot start lp: %s", strerror(errno));
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execlp("lp", "lp", "-d", printer, "--", pdf_path, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return handoff_fail(err, HANDOFF_ERR_SLIP, "waiting for lp: %s",
			                    strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return handoff_fail(err, HANDOFF_ERR_SLIP, "lp is not installed (cups-client)");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return handoff_fail(err, HANDOFF_ERR_SLIP, "lp -d %s failed (status %d)", printer,
		                    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return HANDOFF_OK;
}
