/* The printed slip (see slip.h). */
#include "tui/slip.h"
#include "tui/config.h"
#include "tui/i18n.h"
#include "tui/languages.h"
#include "tui/signing.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Today as shown on the slip: 令和8年11月23日 (2026-11-23). */
static void
today_text(char *out, size_t n)
{
	char iso[11], era[64];
	date_today(iso);
	if (date_format_era(iso, era, sizeof era) == 0)
		snprintf(out, n, "%s (%s)", era, iso);
	else
		snprintf(out, n, "%s", iso);
}

static const char *
translate(const char *msgid)
{
	return F_(msgid);
}

typedef struct line_list {
	handoff_slip_line *p;
	size_t n, cap;
} line_list;

static void
add_line(line_list *l, const char *label, const char *value)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->p = realloc(l->p, l->cap * sizeof *l->p);
		if (!l->p)
			abort(); /* out of memory: see engine.h */
	}
	l->p[l->n].label = strdup(label);
	l->p[l->n].value = strdup(value);
	if (!l->p[l->n].label || !l->p[l->n].value)
		abort();
	l->n++;
}

static void
free_lines(line_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free((char *)l->p[i].label);
		wipe_free((char *)l->p[i].value); /* the resident's answer */
	}
	free(l->p);
}

/* The resident's answers in the current gettext language: a heading line
 * per repeat instance, then its answers. */
static void
resident_lines(const answers *a, line_list *l)
{
	answer_walk w;
	char value[4096], head[256];
	answers_walk_begin(&w, a, ANSWERS_WALK_APPLYING);
	while (answers_walk_next(&w)) {
		if (w.event == WALK_INSTANCE) {
			snprintf(head, sizeof head, "%s %d", F_(repeat_label(w.repeat)),
			         w.instance + 1);
			add_line(l, head, "");
		} else if (w.event == WALK_FIELD && w.value) {
			answer_format(w.field, w.value, ANSWER_SHOW_LABEL, translate, value,
			              sizeof value);
			add_line(l, F_(field_label(w.field)), value);
		}
	}
}

int
tui_slip_paper(const char *name, handoff_paper *out)
{
	if (strcmp(name, "a4") == 0)
		*out = HANDOFF_PAPER_A4;
	else if (strcmp(name, "receipt") == 0)
		*out = HANDOFF_PAPER_RECEIPT80;
	else
		return -1;
	return 0;
}

static int
slip_make_here(const answers *a, const char *lang, const tui_slip_job *job, char *msg,
               size_t msglen)
{
	const form *f = answers_form(a);
	line_list lines = {0};
	size_t nbring = job->nbring;
	char *saved = strdup(i18n_language());
	char date[128], date_label[256], desk_label[256], footer[700];
	const char *bring[TUI_SLIP_MAX_BRING];
	handoff_desk_key desk;
	handoff_city_key city = {0};
	handoff_encode_opts o = {&desk, NULL, HANDOFF_ARMOUR_BASE45, 40, NULL};
	handoff_codes codes = {0};
	handoff_error err = {0};
	int sealed = 0, rc = -1;

	if (!saved)
		abort();
	if (tui_signing_load(job->desk_file, job->seal_file, &desk, &city, &sealed, msg, msglen) !=
	    0) {
		free(saved);
		return -1;
	}
	if (sealed)
		o.city_pk = city.pk;
	/* the settings' site names the desk on the slip, whatever name the key
	 * was made with */
	if (tui_config_get()->site[0])
		snprintf(desk.name, sizeof desk.name, "%s", tui_config_get()->site);
	if (lang && *lang)
		i18n_set_language(lang);
	/* A Japanese reader reads the clerk's part; plain "ja" needs no second copy
	 * (ja@easy keeps its own, simpler wording). */
	if (!(lang && strcmp(lang, "ja") == 0))
		resident_lines(a, &lines);
	for (size_t i = 0; i < nbring; i++)
		bring[i] = job->bring[i];
	if (nbring == 0) {
		bring[nbring++] = _("Your My Number card, residence card or another photo ID.");
		bring[nbring++] = _("Your personal seal (inkan), if you have one.");
		bring[nbring++] = _("This slip.");
	}
	today_text(date, sizeof date);
	/* The Japanese words in parentheses are for the clerk and stay Japanese. */
	snprintf(date_label, sizeof date_label, "%s（作成日）", _("Date"));
	snprintf(desk_label, sizeof desk_label, "%s（作成窓口）", _("Help desk"));
	const char *town = tui_config_get()->municipality;
	char show[512];
	if (town[0])
		snprintf(show, sizeof show,
		         /* L10N: %s is the city or town from the settings, e.g. 札幌市. */
		         _("Show this slip at the counter of %s. The staff will scan the code; you "
		           "do not need to write anything."),
		         town);
	else
		snprintf(show, sizeof show, "%s",
		         _("Show this slip at the city hall counter. The staff will scan the code; "
		           "you do not need to write anything."));
	snprintf(footer, sizeof footer, "%s\n%s", show,
	         "窓口の方へ：コードを読み取ると申請内容が表示されます。");
	const tui_language *tl = lang ? tui_language_find(lang) : NULL;
	handoff_slip_text t = {
	        .lang = lang,
	        .font = tl ? tl->slip_font : NULL,
	        .title_local = F_(form_label(f)),
	        .clerk_heading = "窓口の方へ（申請内容）",
	        .resident_heading = _("Your answers"),
	        .bring_heading = _("What to bring to the counter"),
	        .bring = bring,
	        .nbring = nbring,
	        .date_label = date_label,
	        .desk_label = desk_label,
	        .date_text = date,
	        .footer = footer,
	        /* L10N: under each QR code when an application needs several. */
	        .part_format = _("Code %zu of %zu"),
	        .lines = lines.p,
	        .nlines = lines.n,
	};
	handoff_status st = handoff_encode_with(a, lang, &o, &codes, &err);
	if (st == HANDOFF_OK)
		st = handoff_slip_write(a, &codes, &desk, &t, job->paper, job->pdf, job->png, 200,
		                        &err);
	if (st == HANDOFF_OK && job->printer)
		st = handoff_slip_print(job->printer, job->pdf, &err);
	i18n_set_language(saved);
	if (st == HANDOFF_OK) {
		rc = 0;
	} else if (st == HANDOFF_ERR_INCOMPLETE) {
		snprintf(msg, msglen, "%s", _("Some required questions are not answered yet."));
	} else if (job->printer && st == HANDOFF_ERR_SLIP) {
		/* L10N: %1$s is a printer name, %2$s an English detail. */
		snprintf(msg, msglen, _("The slip could not be printed on %1$s (%2$s)."),
		         job->printer, err.detail);
	} else {
		snprintf(msg, msglen, _("The slip could not be made (%s)."), err.detail);
	}
	free_lines(&lines);
	free(saved);
	handoff_codes_free(&codes);
	handoff_desk_key_wipe(&desk);
	handoff_city_key_wipe(&city);
	return rc;
}

/* What the child that made the slip says back. */
typedef struct slip_outcome {
	int rc;
	char msg[1024];
} slip_outcome;

/*
 * The slip is made in a child process. Pango, Cairo and the code's
 * coders copy the answers into memory they free without wiping; the
 * child's memory is gone when it exits, and the console goes on to the
 * next resident. Without a child (fork fails), the slip is made here.
 */
int
tui_slip_make(const answers *a, const char *lang, const tui_slip_job *job, char *msg, size_t msglen)
{
	slip_outcome out = {-1, ""};
	int fds[2], status = 0;
	if (pipe(fds) != 0)
		return slip_make_here(a, lang, job, msg, msglen);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return slip_make_here(a, lang, job, msg, msglen);
	}
	if (pid == 0) {
		close(fds[0]);
		out.rc = slip_make_here(a, lang, job, out.msg, sizeof out.msg);
		ssize_t w = write(fds[1], &out, sizeof out);
		_exit(w == (ssize_t)sizeof out ? 0
		                               : 1); /* no atexit: the terminal is the parent's */
	}
	close(fds[1]);
	size_t got = 0;
	while (got < sizeof out) {
		ssize_t r = read(fds[0], (char *)&out + got, sizeof out - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (got != sizeof out || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(msg, msglen, _("The slip could not be made (%s)."),
		         "the process making it stopped");
		return -1;
	}
	out.msg[sizeof out.msg - 1] = '\0';
	snprintf(msg, msglen, "%s", out.msg);
	return out.rc;
}
