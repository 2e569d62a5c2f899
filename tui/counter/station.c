/* The clerk's station: input, decoding, and the clerk's actions
 * (tui/counter/station.h). Drawing is in station_draw.c. */
#include "tui/counter/station.h"

#include "tui/cli/cli.h"
#include "tui/cli/handoff.h"
#include "tui/console/draw.h"
#include "tui/cover.h"
#include "tui/i18n.h"
#include "tui/messages.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
say(station *s, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->message, sizeof s->message, fmt, ap);
	va_end(ap);
	s->message_is_error = error;
}

static void
free_scan(char *t)
{
	if (t) {
		sodium_memzero(t, strlen(t));
		free(t);
	}
}

static void
clear_scans(station *s)
{
	for (size_t i = 0; i < s->nscans; i++)
		free_scan(s->scans[i]);
	s->nscans = 0;
}

/* Everything about the application on screen leaves memory. */
static void
clear_application(station *s)
{
	if (s->a)
		answers_free(s->a);
	s->a = NULL;
	free(s->lang);
	s->lang = NULL;
	for (size_t i = 0; i < s->nrelated; i++)
		free(s->related[i]);
	free(s->related);
	s->related = NULL;
	s->nrelated = 0;
	if (s->marks)
		sodium_memzero(s->marks, s->nmarks * sizeof *s->marks);
	free(s->marks);
	free(s->confirmed);
	s->marks = NULL;
	s->confirmed = NULL;
	if (s->corrections)
		sodium_memzero(s->corrections, s->ncorrections * sizeof *s->corrections);
	free(s->corrections);
	s->corrections = NULL;
	s->ncorrections = 0;
	s->nmarks = 0;
	s->accepted = false;
	s->pdf_saved = false;
	s->scroll = 0;
	textinput_wipe(&s->edit);
	memset(&s->origin, 0, sizeof s->origin);
	s->id[0] = '\0';
	clear_scans(s);
	s->mode = MODE_WAIT;
}

/* The marks of the answers as they are now; a mark the clerk confirmed
 * stays confirmed while its value is unchanged. */
static void
refresh_marks(station *s)
{
	free(s->marks);
	s->nmarks = jis_marks(s->a, &s->marks);
	free(s->confirmed);
	s->confirmed = calloc(s->nmarks + 1, sizeof *s->confirmed);
	if (!s->confirmed)
		abort();
}

static void
show_application(station *s)
{
	char when[32];
	time_t t;
	s->mode = MODE_SHOW;
	export_id(s->scans, s->nscans, s->id);
	refresh_marks(s);
	s->nrelated = cover_related(s->a, &s->related);
	if (export_exists(s->o->export_dir, s->id, &t)) {
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		s->accepted = true;
		/* L10N: %s is a date and time such as 2026-12-05 10:32. */
		say(s, true,
		    _("This code was already accepted (%s). It is shown again, but it is not "
		      "saved a second time."),
		    when);
	} else if (s->nmarks > 0) {
		say(s, false, "%s",
		    _("Some names or addresses have characters that the city's systems may not "
		      "hold. Press C to check them before accepting."));
	} else {
		say(s, false, "%s",
		    _("The code is verified. Check the application with the "
		      "resident, then press Enter to accept it."));
	}
}

static bool
already_read(const station *s, const char *text)
{
	for (size_t i = 0; i < s->nscans; i++)
		if (strcmp(s->scans[i], text) == 0)
			return true;
	return false;
}

/* Decodes what has been read; keeps the parts while more are needed. */
static void
decode_pending(station *s)
{
	handoff_error err = {0};
	handoff_verify v = {&s->kr, s->have_city ? &s->city : NULL, 0};
	char msg[1800];

	memset(&s->origin, 0, sizeof s->origin);
	handoff_status st = handoff_decode_with((const char *const *)s->scans, s->nscans, s->forms,
	                                        &v, &s->a, &s->lang, &s->origin, &err);
	if (st == HANDOFF_OK) {
		show_application(s);
		return;
	}
	if (st == HANDOFF_ERR_PARTS_MIXED && s->nscans > 1) {
		/* a part of another slip: start again from it */
		char *last = s->scans[--s->nscans];
		clear_scans(s);
		s->scans[s->nscans++] = last;
		decode_pending(s);
		char more[sizeof s->message];
		memcpy(more, s->message, sizeof more);
		say(s, s->message_is_error, "%s %.1800s",
		    _("The codes read before belong to another slip; they were put aside."), more);
		return;
	}
	cli_scan_problem(&err, &s->origin, msg, sizeof msg);
	if (st == HANDOFF_ERR_PARTS) {
		say(s, false, "%s", msg);
		return;
	}
	/* refused: the last scan goes, the earlier parts stay */
	free_scan(s->scans[--s->nscans]);
	say(s, true, "%s", msg);
}

static void
on_scan(station *s, const char *text)
{
	if (s->mode == MODE_SHOW) {
		if (already_read(s, text)) {
			say(s, false, "%s",
			    _("This code was read again. It is the application on the screen; "
			      "nothing changes."));
			return;
		}
		if (!s->accepted) {
			say(s, true, "%s",
			    _("The application on the screen is not accepted yet. Press Enter to "
			      "accept it, or N to put it aside, before scanning the next slip."));
			return;
		}
		clear_application(s);
	}
	if (already_read(s, text)) {
		say(s, false, "%s", _("This code was already read. Please scan the other codes."));
		return;
	}
	if (s->nscans == STATION_MAX_SCANS) {
		clear_scans(s);
		say(s, true, "%s",
		    _("Too many codes were read without a whole application. They "
		      "were put aside; please scan the slip again."));
		return;
	}
	s->scans[s->nscans] = strdup(text);
	if (!s->scans[s->nscans])
		abort();
	s->nscans++;
	decode_pending(s);
}

/* ---- the clerk's actions ---------------------------------------------------- */

static size_t
unconfirmed(const station *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->nmarks; i++)
		n += !s->confirmed[i];
	return n;
}

static void
accept(station *s)
{
	char why[512];
	if (s->accepted) {
		say(s, false, "%s", _("This application is accepted already."));
		return;
	}
	if (unconfirmed(s) > 0) {
		say(s, true, "%s",
		    _("Some characters are not checked yet. Press C to check them first."));
		return;
	}
	export_record r = {s->id,          s->lang,         &s->origin, s->marks,    s->nmarks,
	                   s->corrections, s->ncorrections, s->related, s->nrelated, time(NULL)};
	switch (export_write(s->o->export_dir, s->a, &r, s->o->csv, why, sizeof why)) {
	case EXPORT_OK:
		s->accepted = true;
		/* L10N: %1$s is a folder, %2$s a file name. */
		say(s, false,
		    _("Accepted: saved as %1$s/%2$s.json. P prints the form; N is for the "
		      "next resident."),
		    s->o->export_dir, s->id);
		break;
	case EXPORT_EXISTS:
		s->accepted = true;
		say(s, true, "%s", _("This code was already accepted. It was not saved again."));
		break;
	case EXPORT_FAILED:
		/* L10N: %s is an English reason from the system. */
		say(s, true,
		    _("The application could not be saved: %s. Nothing was lost: it is "
		      "still on the screen."),
		    why);
		break;
	}
}

static void
print_form(station *s)
{
	handoff_layout *l = NULL;
	handoff_error err = {0};
	char path[4096];
	tui_cover cover;

	if (handoff_layout_load(answers_form(s->a), NULL, &l, &err) != HANDOFF_OK) {
		say(s, true, _("The form cannot be drawn: %s."), err.detail);
		return;
	}
	if (s->o->printer) {
		snprintf(path, sizeof path, "%s/yorisoi-form-XXXXXX",
		         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		int fd = mkstemp(path);
		if (fd < 0) {
			say(s, true, _("The form cannot be drawn: %s."), strerror(errno));
			handoff_layout_free(l);
			return;
		}
		close(fd);
	} else {
		if (export_make_dir(s->o->export_dir) != 0) {
			say(s, true, _("The form cannot be drawn: %s."), strerror(errno));
			handoff_layout_free(l);
			return;
		}
		/* drawn under a temporary name (owner-only: it holds the
		 * application), then renamed, so an importer never sees half a PDF */
		snprintf(path, sizeof path, "%s/.%s.pdf.XXXXXX", s->o->export_dir, s->id);
		int fd = mkstemp(path);
		if (fd < 0) {
			say(s, true, _("The form cannot be drawn: %s."), strerror(errno));
			handoff_layout_free(l);
			return;
		}
		close(fd);
	}
	cover_build(&cover, s->a, &s->origin, s->lang);
	handoff_status st = handoff_form_write_pdf(s->a, l, &cover.cover, path, &err);
	cover_free(&cover);
	handoff_layout_free(l);
	char final[4096];
	snprintf(final, sizeof final, "%s/%s.pdf", s->o->export_dir, s->id);
	if (st != HANDOFF_OK) {
		say(s, true, _("The form cannot be drawn: %s."), err.detail);
		if (!s->o->printer)
			unlink(path);
	} else if (!s->o->printer && rename(path, final) != 0) {
		say(s, true, _("The form cannot be drawn: %s."), strerror(errno));
		unlink(path);
	} else if (!s->o->printer) {
		s->pdf_saved = true;
		/* L10N: %s is a file name. */
		say(s, false, _("No printer is set: the form was saved as %s."), final);
	} else if (handoff_slip_print(s->o->printer, path, &err) == HANDOFF_OK) {
		/* L10N: %s is a printer name. */
		say(s, false, _("The form was sent to the printer %s."), s->o->printer);
	} else {
		/* L10N: %1$s is a printer name, %2$s an English reason. */
		say(s, true, _("The printer %1$s did not take the form: %2$s."), s->o->printer,
		    err.detail);
	}
	if (s->o->printer)
		unlink(path); /* no copy stays on the counter PC */
}

static void
next_resident(station *s)
{
	bool was_accepted = s->accepted;
	if (!was_accepted && s->pdf_saved) {
		/* put aside: its form does not stay on the counter PC either */
		char pdf[4096];
		snprintf(pdf, sizeof pdf, "%s/%s.pdf", s->o->export_dir, s->id);
		unlink(pdf);
	}
	clear_application(s);
	erase();
	refresh();
	say(s, false, "%s",
	    was_accepted ? _("Ready for the next resident.")
	                 : _("The application was put aside without being accepted. Ready for "
	                     "the next resident."));
}

static void
start_check(station *s)
{
	for (size_t i = 0; i < s->nmarks; i++)
		if (!s->confirmed[i]) {
			s->editing = (int)i;
			textinput_set(&s->edit, s->marks[i].value);
			s->mode = MODE_EDIT;
			s->message[0] = '\0';
			return;
		}
	say(s, false, "%s", _("Every marked character is checked."));
}

/* Records what the clerk changed, for the export. */
static void
add_correction(station *s, const jis_mark *m, const char *to)
{
	s->corrections = realloc(s->corrections, (s->ncorrections + 1) * sizeof *s->corrections);
	if (!s->corrections)
		abort();
	export_correction *c = &s->corrections[s->ncorrections++];
	c->fld = m->fld;
	c->instance = m->instance;
	snprintf(c->from, sizeof c->from, "%s", m->value);
	snprintf(c->to, sizeof c->to, "%s", to);
}

/* Enter in the check: the text as the clerk left it becomes the answer,
 * and the marks are found again (a correction may remove one; the others
 * keep their checked state). */
static void
finish_check(station *s)
{
	jis_mark *m = &s->marks[s->editing];
	answer_error e = {0};
	char buf[512];
	bool changed = strcmp(s->edit.buf, m->value) != 0;

	if (changed) {
		if (answers_set_at(s->a, field_id(m->fld), m->instance, s->edit.buf, &e) !=
		    ANSWER_OK) {
			say(s, true, "%s", msg_answer_error(m->fld, &e, buf, sizeof buf));
			return;
		}
		add_correction(s, m, answers_get_at(s->a, field_id(m->fld), m->instance));
	}
	size_t n = s->nmarks;
	jis_mark *old = malloc((n + 1) * sizeof *old);
	bool *was = malloc((n + 1) * sizeof *was);
	if (!old || !was)
		abort();
	memcpy(old, s->marks, n * sizeof *old);
	memcpy(was, s->confirmed, n * sizeof *was);
	was[s->editing] = true;
	refresh_marks(s);
	for (size_t i = 0; i < s->nmarks; i++)
		for (size_t k = 0; k < n; k++)
			if (old[k].fld == s->marks[i].fld &&
			    old[k].instance == s->marks[i].instance)
				s->confirmed[i] = was[k];
	sodium_memzero(old, n * sizeof *old);
	free(old);
	free(was);
	textinput_wipe(&s->edit);
	s->mode = MODE_SHOW;
	if (unconfirmed(s) > 0)
		start_check(s);
	else
		say(s, false, "%s",
		    _("Every marked character is checked. Press Enter to accept the application."));
}

/* ---- input -------------------------------------------------------------------- */

static bool
is_enter(wint_t ch, bool is_key)
{
	return (is_key && ch == KEY_ENTER) || (!is_key && (ch == '\n' || ch == '\r'));
}

/* A line the scanner (or serial port) finished. */
static void
submit_typed(station *s)
{
	s->typed[s->ntyped] = '\0';
	size_t n = s->ntyped;
	while (n > 0 && (s->typed[n - 1] == ' ' || s->typed[n - 1] == '\r'))
		s->typed[--n] = '\0';
	if (n > 0)
		on_scan(s, s->typed);
	sodium_memzero(s->typed, sizeof s->typed);
	s->ntyped = 0;
}

static void
type_char(station *s, wint_t ch)
{
	if (ch < 0x20 || ch > 0x7e) /* codes are ASCII: anything else is not a scan */
		return;
	if (s->ntyped + 1 < sizeof s->typed)
		s->typed[s->ntyped++] = (char)ch;
}

/* Returns false to quit. */
static bool
on_key(station *s, wint_t ch, bool is_key)
{
	if (is_key && ch == KEY_F(10))
		return false;
	if (is_key && ch == KEY_RESIZE)
		return true;
	if (s->mode == MODE_EDIT) {
		if (is_enter(ch, is_key))
			finish_check(s);
		else if (!is_key && ch == 27) {
			textinput_wipe(&s->edit);
			s->mode = MODE_SHOW;
			s->message[0] = '\0';
		} else
			textinput_key(&s->edit, ch, is_key);
		return true;
	}
	if (is_enter(ch, is_key)) {
		if (s->ntyped > 0)
			submit_typed(s);
		else if (s->mode == MODE_SHOW)
			accept(s);
		return true;
	}
	if (!is_key && ch == 27) {
		sodium_memzero(s->typed, sizeof s->typed);
		s->ntyped = 0;
		if (s->mode == MODE_WAIT && s->nscans > 0) {
			clear_scans(s);
			say(s, false, "%s", _("The codes read so far were put aside."));
		}
		return true;
	}
	if (s->mode == MODE_SHOW && s->ntyped == 0 && !is_key) {
		/* A code starts with Y or 2, never with these letters. */
		switch (ch) {
		case 'c':
		case 'C':
			start_check(s);
			return true;
		case 'p':
		case 'P':
			print_form(s);
			return true;
		case 'n':
		case 'N':
			next_resident(s);
			return true;
		}
	}
	if (is_key && s->mode == MODE_SHOW && s->ntyped == 0) {
		if (ch == KEY_DOWN || ch == KEY_NPAGE)
			s->scroll += ch == KEY_DOWN ? 1 : LINES / 2;
		else if (ch == KEY_UP || ch == KEY_PPAGE)
			s->scroll -= ch == KEY_UP ? 1 : LINES / 2;
		if (s->scroll < 0)
			s->scroll = 0;
		return true;
	}
	if (!is_key)
		type_char(s, ch);
	return true;
}

/* Lines from the serial port or file; false when a file has ended. A
 * serial line or a FIFO reads as ended while nothing is connected to it
 * (a scanner unplugged, no writer yet): it is read again on the next turn. */
static bool
read_device(station *s, int fd, bool regular)
{
	char buf[512];
	ssize_t n = read(fd, buf, sizeof buf);
	if (n == 0)
		return !regular;
	if (n < 0)
		return errno == EAGAIN || errno == EINTR;
	for (ssize_t i = 0; i < n; i++) {
		if (buf[i] == '\n' || buf[i] == '\r') {
			if (s->ntyped > 0)
				submit_typed(s);
		} else {
			type_char(s, (unsigned char)buf[i]);
		}
	}
	sodium_memzero(buf, sizeof buf);
	return true;
}

static int
load_station(station *s)
{
	int have_city = 0;
	int rc = cli_load_trust(s->o->keys, s->o->nkeys, s->o->city_file, &s->kr, &s->city,
	                        &have_city);
	if (rc != 0)
		return rc;
	s->have_city = have_city;
	s->forms = cli_load_forms();
	return s->forms ? 0 : EXIT_OTHER;
}

int
station_run(const station_opts *o)
{
	station s = {.o = o};
	int fd = -1, rc;

	if ((rc = load_station(&s)) != 0)
		goto out;
	if (o->device) {
		fd = open(o->device, O_RDONLY | O_NONBLOCK | O_NOCTTY);
		if (fd < 0) {
			/* L10N: %1$s is a device or file name, %2$s the system's reason. */
			fprintf(stderr, _("Cannot read the scanner at %1$s: %2$s\n"), o->device,
			        strerror(errno));
			rc = EXIT_OTHER;
			goto out;
		}
	}
	struct stat st;
	bool regular = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);

	say(&s, false, "%s", _("Ready."));
	set_escdelay(50);
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	timeout(100);
	for (;;) {
		station_draw(&s);
		wint_t ch;
		int got = get_wch(&ch);
		if (got != ERR && !on_key(&s, ch, got == KEY_CODE_YES))
			break;
		if (fd >= 0 && !read_device(&s, fd, regular)) {
			close(fd);
			fd = -1;
		}
	}
	erase();
	refresh();
	endwin();
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	clear_application(&s);
	if (s.forms)
		form_set_free(s.forms);
	handoff_keyring_free(&s.kr);
	handoff_city_key_wipe(&s.city);
	return rc;
}
