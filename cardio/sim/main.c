/*
 * yorisoi-cardsim: an emulated My Number card for a real pcscd, through the
 * vsmartcard vpcd reader driver. It connects to the reader's TCP port as
 * the "card", answers with the cardio emulator, and logs one line per APDU
 * (INS, P1, P2, Lc, SW; for SELECT also the file or AID selected; the PIN
 * tries counter after the APDU; the fault injected, if any) so tests can
 * count commands and prove no try was spent. It never logs VERIFY data or
 * response data.
 */
#include "cardio/cardio.h"
#include "cardio/internal.h"
#include "cardio/sim/dump.h"
#include "cardio/sim/vpcd.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile int stop;
static FILE *log_out;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void
usage(FILE *to)
{
	fprintf(to,
	        "Usage: yorisoi-cardsim --persona FILE [--port N] [--host H] [--log FILE]\n"
	        "       yorisoi-cardsim --persona FILE [--dump-ef0002 OUT] [--dump-answers OUT]\n");
}

static void logline(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
logline(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(log_out, fmt, ap);
	va_end(ap);
	fputc('\n', log_out);
	fflush(log_out);
}

static void
nap_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* Reads a whole (small) persona file into a malloc'd string. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = calloc(1, 65537);
	size_t n = buf ? fread(buf, 1, 65536, f) : 0;
	int bad = ferror(f) || !feof(f);
	fclose(f);
	if (!buf || bad) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/* One log line for an APDU: header fields, Lc, the SELECT target, SW,
 * the tries counter and the injected fault. */
static void
log_apdu(const cardio_emu *e, const uint8_t *c, size_t n, const uint8_t *r, size_t rn)
{
	char extra[64] = "";
	unsigned lc = n > 5 ? c[4] : 0;
	unsigned sw = rn >= 2 ? (unsigned)(r[rn - 2] << 8 | r[rn - 1]) : 0;

	if (n >= 4 && c[1] == 0xA4 && n >= 5 + lc && lc > 0 && lc <= 16) {
		size_t k = (size_t)snprintf(extra, sizeof extra, c[2] == 0x04 ? " aid=" : " fid=");
		for (unsigned i = 0; i < lc && k + 3 < sizeof extra; i++)
			k += (size_t)snprintf(extra + k, sizeof extra - k, "%02X", c[5 + i]);
	}
	const char *fault = cardio_emu_last_fault(e);
	logline("apdu ins=%02X p1=%02X p2=%02X lc=%u%s sw=%04X tries=%d%s%s", n > 1 ? c[1] : 0,
	        n > 2 ? c[2] : 0, n > 3 ? c[3] : 0, lc, extra, sw, cardio_emu_tries_left(e),
	        fault ? " fault=" : "", fault ? fault : "");
}

/* Serves one vpcd connection until it drops, SIGTERM, or the persona's
 * remove_after_apdu fault pulls the card. Returns 1 when pulled. */
static int
serve(int fd, cardio_emu *e)
{
	uint8_t msg[65536], resp[1024];
	unsigned limit = cardio_emu_remove_after(e);

	for (;;) {
		long n = vpcd_recv(fd, msg, sizeof msg, &stop);
		if (n == -2)
			return 0;
		if (n <= 0) {
			logline("disconnected");
			return 0;
		}
		if (n == 1) {
			switch (msg[0]) {
			case 0:
				logline("ctrl power-off");
				cardio_emu_power(e, 0);
				break;
			case 1:
				logline("ctrl power-on");
				cardio_emu_power(e, 1);
				break;
			case 2:
				logline("ctrl reset");
				cardio_emu_reset(e);
				break;
			case 4: {
				uint8_t atr[33];
				size_t an = cardio_emu_atr(e, atr, sizeof atr);
				logline("ctrl atr");
				if (vpcd_send(fd, atr, an) != 0)
					return 0;
				break;
			}
			default:
				logline("ctrl unknown %u", msg[0]);
				break;
			}
			continue;
		}
		size_t rn = cardio_emu_transmit(e, msg, (size_t)n, resp, sizeof resp);
		log_apdu(e, msg, (size_t)n, resp, rn);
		if (rn == 0 && cardio_emu_pulled(e)) {
			memset(msg, 0, (size_t)n);
			logline("removed at apdu %u", cardio_emu_apdus(e));
			return 1;
		}
		memset(msg, 0, (size_t)n);
		int sent = vpcd_send(fd, resp, rn);
		memset(resp, 0, sizeof resp);
		if (sent != 0)
			return 0;
		if (limit && cardio_emu_apdus(e) >= limit) {
			logline("removed after %u apdus", limit);
			return 1;
		}
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {{"persona", required_argument, NULL, 'p'},
	                                         {"port", required_argument, NULL, 'P'},
	                                         {"host", required_argument, NULL, 'H'},
	                                         {"log", required_argument, NULL, 'l'},
	                                         {"dump-ef0002", required_argument, NULL, 'E'},
	                                         {"dump-answers", required_argument, NULL, 'A'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	const char *persona = NULL, *host = "127.0.0.1", *logpath = NULL;
	const char *dump_ef = NULL, *dump_answers = NULL;
	long port = 35963;
	int c, rc = 1;
	char why[200] = "";
	char *text = NULL;
	cardio_emu *e = NULL;

	log_out = stderr;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		char *end;
		switch (c) {
		case 'p':
			persona = optarg;
			break;
		case 'P':
			port = strtol(optarg, &end, 0);
			if (*end || port < 1 || port > 65535) {
				fprintf(stderr, "yorisoi-cardsim: bad port \"%s\"\n", optarg);
				return 2;
			}
			break;
		case 'H':
			host = optarg;
			break;
		case 'l':
			logpath = optarg;
			break;
		case 'E':
			dump_ef = optarg;
			break;
		case 'A':
			dump_answers = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!persona || optind != argc) {
		usage(stderr);
		return 2;
	}
	text = slurp(persona);
	if (!text) {
		fprintf(stderr, "yorisoi-cardsim: cannot read %s: %s\n", persona, strerror(errno));
		goto out;
	}
	if (dump_ef || dump_answers) {
		if (sim_dump(text, dump_ef, dump_answers, why, sizeof why) != 0)
			fprintf(stderr, "yorisoi-cardsim: %s: %s\n", persona, why);
		else
			rc = 0;
		goto out;
	}
	e = cardio_emu_new(text, why, sizeof why);
	if (!e) {
		fprintf(stderr, "yorisoi-cardsim: %s: %s\n", persona, why);
		goto out;
	}
	if (logpath && !(log_out = fopen(logpath, "a"))) {
		log_out = stderr;
		fprintf(stderr, "yorisoi-cardsim: cannot open %s: %s\n", logpath, strerror(errno));
		goto out;
	}

	struct sigaction sa = {.sa_handler = on_signal};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	bool waiting_logged = false;
	while (!stop) {
		int fd = vpcd_connect(host, (int)port);
		if (fd < 0) {
			if (!waiting_logged)
				logline("waiting for vpcd on %s:%ld", host, port);
			waiting_logged = true;
			nap_ms(100);
			continue;
		}
		waiting_logged = false;
		logline("connected to %s:%ld tries=%d", host, port, cardio_emu_tries_left(e));
		cardio_emu_power(e, 0);
		int pulled = serve(fd, e);
		close(fd);
		cardio_emu_power(e, 0);
		if (pulled) /* the card stays out until we are told to stop */
			while (!stop)
				nap_ms(100);
	}
	logline("stopped tries=%d", e ? cardio_emu_tries_left(e) : -1);
	rc = 0;
out:
	if (text) {
		memset(text, 0, strlen(text));
		free(text);
	}
	cardio_emu_free(e);
	if (log_out && log_out != stderr)
		fclose(log_out);
	return rc;
}
