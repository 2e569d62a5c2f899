/*
 * Printing the slip through CUPS: `lp -d PRINTER FILE`, run directly
 * (no shell, so printer and file names need no quoting), waiting for lp to
 * queue the job. lp's own output goes to /dev/null: the caller tells the
 * user what happened in their language.
 */
#include "handoff/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * Runs a CUPS client command in the C locale (its words are matched
 * below), its stdout into out (when not NULL) and stderr to /dev/null.
 * Returns its exit status, 127 when it cannot be run, -1 on our failure.
 */
static int
run_cups(char *const argv[], char *out, size_t outlen)
{
	int pipefd[2] = {-1, -1};
	if (out && (outlen == 0 || pipe(pipefd) != 0))
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		if (out) {
			close(pipefd[0]);
			close(pipefd[1]);
		}
		return -1;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(out ? pipefd[1] : fd, 1);
			dup2(fd, 2);
		}
		setenv("LC_ALL", "C", 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	size_t n = 0;
	if (out) {
		close(pipefd[1]);
		ssize_t r;
		while ((r = read(pipefd[0], out + n, outlen - 1 - n)) != 0) {
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0)
				break;
			n += (size_t)r;
			if (n == outlen - 1) {
				char sink[256]; /* drain what does not fit, so lpstat never blocks
				                 */
				while (read(pipefd[0], sink, sizeof sink) > 0)
					;
				break;
			}
		}
		out[n] = '\0';
		close(pipefd[0]);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

handoff_status
handoff_slip_print(const char *printer, const char *pdf_path, handoff_error *err)
{
	if (!printer || !*printer || printer[0] == '-' || !pdf_path)
		return handoff_fail(err, HANDOFF_ERR_SLIP, "no printer name");
	char *argv[] = {"lp", "-d", (char *)printer, "--", (char *)pdf_path, NULL};
	int rc = run_cups(argv, NULL, 0);
	if (rc == 127)
		return handoff_fail(err, HANDOFF_ERR_SLIP, "lp is not installed (cups-client)");
	if (rc != 0)
		return handoff_fail(err, HANDOFF_ERR_SLIP, "lp -d %s failed (status %d)", printer,
		                    rc);
	return HANDOFF_OK;
}

handoff_printer_state
handoff_printer_check(const char *printer)
{
	char out[4096];
	char *sched[] = {"lpstat", "-r", NULL};
	int rc = run_cups(sched, out, sizeof out);
	if (rc == 127)
		return HANDOFF_PRINTER_NO_LPSTAT;
	/* "scheduler is running" / "scheduler is not running" */
	if (rc != 0 || !strstr(out, "scheduler is running"))
		return HANDOFF_PRINTER_NO_SCHEDULER;
	if (!printer || !*printer || printer[0] == '-')
		return HANDOFF_PRINTER_UNKNOWN;
	char *queue[] = {"lpstat", "-p", (char *)printer, NULL};
	rc = run_cups(queue, out, sizeof out);
	if (rc != 0 || !strstr(out, "printer "))
		return HANDOFF_PRINTER_UNKNOWN;
	/* "printer NAME disabled since ..." when an admin or a fault stopped it */
	if (strstr(out, " disabled"))
		return HANDOFF_PRINTER_DISABLED;
	return HANDOFF_PRINTER_READY;
}
