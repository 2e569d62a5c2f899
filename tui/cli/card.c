/*
 * `yorisoi card read`: waits for a card, reads the PIN counter, asks for
 * the PIN (stdin or the terminal with echo off), verifies it once, reads
 * the 基本4情報 and prints them as JSON on stdout. Refuses to send a PIN
 * to a blocked card, or at the last try (or when the card gives no count)
 * unless --confirm-last-try. Every failure is exit 1 with a sentence and a
 * "(status: detail)" line on stderr.
 */
#include "cardio/cardio.h"
#include "tui/cli/cli.h"
#include "tui/files.h"
#include "tui/demo_card.h"
#include "tui/i18n.h"

#include <getopt.h>
#include <jansson.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

struct card_opts {
	const char *reader;
	const char *persona; /* --demo with a persona file */
	bool demo;
	bool pin_stdin;
	bool confirm_last_try;
	int timeout_s;
};

static void
card_usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi card read [--reader NAME] [--pin-stdin] [--confirm-last-try]\n"
	          "                         [--timeout SECONDS] [--demo [--persona FILE]]\n"));
}

/* Tells the user what went wrong, in whole sentences, and what to do. */
static void
explain(cardio_status st, const cardio_error *err)
{
	int tries = err ? err->tries_left : -1;

	switch (st) {
	case CARDIO_ERR_NO_SERVICE:
		fprintf(stderr, "%s\n",
		        _("The smart card service (pcscd) is not running. Start it, then try "
		          "again."));
		break;
	case CARDIO_ERR_NO_READER:
		fprintf(stderr, "%s\n",
		        _("No card reader was found. Plug in the reader, then try again."));
		break;
	case CARDIO_ERR_NO_CARD:
		fprintf(stderr, "%s\n",
		        _("No card was found in the reader. Insert the My Number card, then try "
		          "again."));
		break;
	case CARDIO_ERR_REMOVED:
		fprintf(stderr, "%s\n",
		        _("The card was removed during the reading. Insert it again and start "
		          "over."));
		break;
	case CARDIO_ERR_UNKNOWN_CARD:
		fprintf(stderr, "%s\n",
		        _("This card is not a My Number card, or it cannot be read. Check the card "
		          "and how it is inserted."));
		break;
	case CARDIO_ERR_WRONG_PIN:
		/* L10N: %d is the number of PIN tries left before the card locks. */
		fprintf(stderr,
		        ngettext("The PIN is wrong. %d try is left before the card locks.\n",
		                 "The PIN is wrong. %d tries are left before the card locks.\n",
		                 (unsigned long)(tries > 0 ? tries : 0)),
		        tries);
		break;
	case CARDIO_ERR_PIN_BLOCKED:
		fprintf(stderr, "%s\n",
		        _("The PIN of this card is locked after too many wrong tries. Only the "
		          "city hall counter can unlock it; the resident should bring the card "
		          "there."));
		break;
	case CARDIO_ERR_PIN_FORMAT:
		fprintf(stderr, "%s\n",
		        _("The PIN must be exactly 4 digits. Nothing was sent to the card."));
		break;
	case CARDIO_ERR_BAD_DATA:
		fprintf(stderr, "%s\n",
		        _("The card answered data that cannot be understood. The card may be "
		          "damaged; please fill in the form by hand."));
		break;
	default:
		fprintf(stderr, "%s\n",
		        _("The card reader failed. Take the card out, insert it again, and try "
		          "again."));
		break;
	}
	if (err && err->detail[0])
		fprintf(stderr, "(%s: %s)\n", cardio_status_name(st), err->detail);
}

/* Strips the line end; returns false when more than fits was typed. */
static bool
chomp(char *buf)
{
	size_t n = strlen(buf);
	if (n == 0 || buf[n - 1] != '\n')
		return feof(stdin) != 0 && n > 0;
	buf[--n] = '\0';
	if (n && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return true;
}

/*
 * Reads the PIN into pin (cap bytes): from stdin, or from the terminal with
 * echo switched off. Returns 0, or -1 after telling the user. Whatever was
 * read stays only in pin, which the caller zeroes.
 */
static int
read_pin(bool from_stdin, char *pin, size_t cap)
{
	if (from_stdin) {
		if (!fgets(pin, (int)cap, stdin) || !chomp(pin)) {
			fprintf(stderr, "%s\n", _("No PIN was given on standard input."));
			return -1;
		}
		return 0;
	}
	FILE *tty = fopen("/dev/tty", "r+");
	if (!tty) {
		fprintf(stderr, "%s\n",
		        _("There is no terminal to type the PIN on. Use --pin-stdin."));
		return -1;
	}
	struct termios old, quiet;
	int fd = fileno(tty), rc = -1;
	bool restore = tcgetattr(fd, &old) == 0;
	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		quiet.c_lflag |= ICANON;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	fprintf(tty, "%s", _("Resident, please type your 4-digit PIN and press Enter: "));
	fflush(tty);
	if (fgets(pin, (int)cap, tty)) {
		size_t n = strlen(pin);
		while (n && (pin[n - 1] == '\n' || pin[n - 1] == '\r'))
			pin[--n] = '\0';
		rc = 0;
	}
	if (restore)
		tcsetattr(fd, TCSAFLUSH, &old);
	fputc('\n', tty);
	fclose(tty);
	return rc;
}

/* Prints the identity as one JSON object; the serialised copy is zeroed. */
static int
print_identity(const cardio_identity *id, const char *reader)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "name",
	                      id->name, "family_name", id->family_name, "given_name",
	                      id->given_name, "name_alpha", id->name_alpha, "address", id->address,
	                      "address_normalized", id->address_normalized, "birth", id->birth,
	                      "sex", id->sex, "card_type", id->card_type, "reader", reader);
	if (!o)
		return -1;
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!s)
		return -1;
	int rc = (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF || fflush(stdout)) ? -1 : 0;
	sodium_memzero(s, strlen(s));
	free(s);
	return rc;
}

static int
parse_options(int argc, char **argv, struct card_opts *o)
{
	static const struct option longopts[] = {{"reader", required_argument, NULL, 'r'},
	                                         {"pin-stdin", no_argument, NULL, 's'},
	                                         {"confirm-last-try", no_argument, NULL, 'c'},
	                                         {"timeout", required_argument, NULL, 't'},
	                                         {"demo", no_argument, NULL, 'd'},
	                                         {"persona", required_argument, NULL, 'p'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	int c;

	/* main() parsed its own options with "+": optind = 0 makes glibc start
	 * over (including argument permutation), so options may follow "read". */
	optind = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		char *end;
		long v;
		switch (c) {
		case 'r':
			o->reader = optarg;
			break;
		case 's':
			o->pin_stdin = true;
			break;
		case 'c':
			o->confirm_last_try = true;
			break;
		case 't':
			v = strtol(optarg, &end, 10);
			if (*end || end == optarg || v < 0 || v > 3600) {
				fprintf(stderr, _("yorisoi card: bad timeout \"%s\"\n"), optarg);
				return EXIT_USAGE;
			}
			o->timeout_s = (int)v;
			break;
		case 'd':
			o->demo = true;
			break;
		case 'p':
			o->persona = optarg;
			o->demo = true;
			break;
		case 'h':
			card_usage(stdout);
			return 0;
		default:
			card_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || strcmp(argv[optind], "read") != 0) {
		card_usage(stderr);
		return EXIT_USAGE;
	}
	return -1;
}

/* Opens the session: the demo card, or the first (or named) reader with a
 * card after waiting for one. */
static cardio_status
open_card(const struct card_opts *o, char *reader, size_t rlen, cardio_session **s,
          cardio_error *err)
{
	if (o->demo) {
		char why[512];
		snprintf(reader, rlen, "Demo card");
		cardio_status st = tui_demo_card_open(o->persona, s, err, why, sizeof why);
		if (why[0])
			fprintf(stderr, "%s\n", why);
		return st;
	}
	cardio_status st = cardio_wait_card(o->reader, o->timeout_s * 1000, reader, rlen, err);
	if (st != CARDIO_OK)
		return st;
	return cardio_open_reader(reader, s, err);
}

int
cli_card(int argc, char **argv)
{
	struct card_opts o = {.timeout_s = 10};
	cardio_session *s = NULL;
	cardio_error err;
	cardio_identity id;
	char reader[128] = "";
	char pin[64];
	int tries = -1, rc = EXIT_OTHER;
	cardio_status st;

	memset(pin, 0, sizeof pin);
	memset(&id, 0, sizeof id);
	memset(&err, 0, sizeof err);
	int prc = parse_options(argc, argv, &o);
	if (prc >= 0)
		return prc;

	st = open_card(&o, reader, sizeof reader, &s, &err);
	if (st == CARDIO_ERR_STATE && !s && o.persona) {
		goto out; /* already told */
	} else if (st != CARDIO_OK) {
		explain(st, &err);
		goto out;
	}
	st = cardio_pin_tries(s, &tries, &err);
	if (st != CARDIO_OK) {
		explain(st, &err);
		goto out;
	}
	if (tries >= 0)
		/* L10N: shown before the PIN is asked for; %d is 0 to 3. */
		fprintf(stderr,
		        ngettext("PIN tries left: %d\n", "PIN tries left: %d\n",
		                 (unsigned long)tries),
		        tries);
	switch (cardio_pin_decide(tries)) {
	case CARDIO_PIN_REFUSE: {
		cardio_error blocked = {.status = CARDIO_ERR_PIN_BLOCKED, .tries_left = 0};
		snprintf(blocked.detail, sizeof blocked.detail,
		         "the card reports no PIN tries left; no PIN was sent");
		explain(CARDIO_ERR_PIN_BLOCKED, &blocked);
		goto out;
	}
	case CARDIO_PIN_CONFIRM:
		if (o.confirm_last_try)
			break;
		if (tries < 0)
			/* The card did not give a count (90 00 or 63 00). */
			fprintf(stderr, "%s\n",
			        _("The card did not say how many PIN tries are left; it may be the "
			          "last "
			          "one. Ask the resident to make sure of the PIN themselves, then "
			          "run again "
			          "with --confirm-last-try."));
		else
			fprintf(stderr, "%s\n",
			        _("Only one PIN try is left: a wrong PIN now would lock the card "
			          "until "
			          "the resident visits the city hall counter. Ask the resident to "
			          "make sure "
			          "of the PIN themselves, then run again with "
			          "--confirm-last-try."));
		goto out;
	case CARDIO_PIN_ASK:
		break;
	}
	if (read_pin(o.pin_stdin, pin, sizeof pin) != 0)
		goto out;
	st = cardio_verify_pin(s, pin, &err);
	sodium_memzero(pin, sizeof pin);
	if (st != CARDIO_OK) {
		explain(st, &err);
		goto out;
	}
	st = cardio_read_identity(s, &id, &err);
	if (st != CARDIO_OK) {
		explain(st, &err);
		goto out;
	}
	if (print_identity(&id, reader) != 0) {
		fprintf(stderr, "%s\n", _("The identity could not be written out."));
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(pin, sizeof pin);
	cardio_identity_wipe(&id);
	cardio_close(s);
	cardio_shutdown();
	return rc;
}
