/*
 * Keystroke benchmark: for each procedure in a forms folder that has a
 * reference household (tests/data/households/<form_id>.json), walks the
 * console's steps the way a resident would answer them and counts key
 * presses, against typing every answer of the same household.
 *
 * Both sides count typing with one model (tests/bench/typing_model.h): a
 * person at a Japanese keyboard with an input method types the romaji of
 * the reading (MeCab reads the kanji), one Space per word to convert, F7
 * for katakana and Enter to confirm; ASCII is one key per character.
 *
 * The console, as counted here:
 *   - a value prefilled from a card, the postal pick or today, or
 *     suggested (a reading, a name in capitals, the form's <suggest>), and
 *     right: 1 (Enter to confirm); a text whose prefilled or suggested
 *     start is right (the town 鶴見中央 for 鶴見中央5丁目, the applicant's
 *     town for the guarantor's address): the rest typed after it, as the
 *     cursor starts at the end, + Enter; a wrong one: Ctrl-U (1) first;
 *   - a choice: 1 when the current value is already right (Enter), else
 *     the digits of its number + Enter; a multi choice: one digit per
 *     chosen item + Enter; a text field's list of common answers (<pick>,
 *     続柄): a listed answer as a choice, any other as the list's last
 *     line (its number + Enter) and then typed;
 *   - typed text (names, addresses, kana, phone numbers): the model's
 *     keys + Enter; a date: its 8 digits (19901014, as the empty box
 *     says) + Enter; a postal code: its 7 digits + Enter, and when
 *     the code covers several places, the place's number + Enter (taken
 *     as 2: the resident's place is assumed to be among the first nine);
 *     an optional question left empty: 1 (Enter);
 *   - an address question that takes a postal code (postal-lookup=): the
 *     cheaper of typing the address and typing the postal code of its
 *     longest start in Japan Post's table (7 digits + Enter, the place's
 *     number + Enter when the code covers several, counted from its
 *     position in the table) and then the rest + Enter. This assumes the
 *     resident knows the postal code, as it is on every letter sent to
 *     the address; writing on paper has no such help;
 *     The block number and the room in the rest may be typed short, as
 *     below;
 *   - a block number (block-number=), an address (postal-lookup=), a
 *     building (building=): the cheapest of typing it, or its block number
 *     short (3-8 for 3番8号), or its room bare (402 for 402号室), or both,
 *     + Enter, then the line of the spelling screen the console shows for
 *     what was typed (field_spellings, what was typed last): Enter for the
 *     first, else its number + Enter;
 *   - after a postal code whose town the data divides into 丁目 (the
 *     console's postal.db): the town's 丁目 as the answer has it, its
 *     line's number + Enter, and the town question then holds it; Esc
 *     (1) when the answer's 丁目 is not listed;
 *   - the "add another?" question: Enter for no (the default), digit +
 *     Enter for yes.
 * Typing everything: for each answer of the household, the model's keys
 * for the answer as written on paper (a choice's Japanese term) + Enter.
 *
 * With --generated DIR it reads every household in DIR (each names its
 * form) and prints each procedure's median and worst ratio instead, with
 * its fields by keys summed over the households, top first.
 * Prints figures only; a benchmark makes no assertions. With KTRACE set
 * in the environment, each step is printed on stderr: TRACE field
 * instance console-keys typing-keys answer.
 */
#include "engine/engine.h"
#include "store/store.h"
#include "tests/bench/postal_starts.h"
#include "tests/bench/typing_model.h"
#include "tui/reading.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct tally {
	long console, typing;
	int steps, answers;
} tally;

static long
digits(long v)
{
	long n = 1;
	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* Prefill values from a JSON object of "key": "value". */
static size_t
values_of(json_t *obj, prefill_value *pv, size_t max)
{
	const char *key;
	json_t *v;
	size_t n = 0;
	json_object_foreach(obj, key, v)
	{
		if (n < max && json_is_string(v))
			pv[n++] = (prefill_value){key, json_string_value(v)};
	}
	return n;
}

/* What writing one answer on paper costs: its characters (a choice's
 * Japanese term, the terms of a multi choice), plus the Enter. */
static long
paper_cost(const field *fld, const char *v)
{
	long n = 0;
	if (field_kind(fld) == FIELD_CHOICE) {
		int i = field_choice_index(fld, v);
		return typing_keys(i >= 0 ? field_choice_term(fld, (size_t)i) : v) + 1;
	}
	if (field_kind(fld) == FIELD_MULTI) {
		char *copy = strdup(v), *save = NULL;
		for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			int i = field_choice_index(fld, t);
			n += typing_keys(i >= 0 ? field_choice_term(fld, (size_t)i) : t) + 1;
		}
		free(copy);
		return n ? n : 1;
	}
	return typing_keys(v) + 1;
}

/* Choosing line k (0-based) of the official spellings of a block number
 * typed short: Enter for the first, selected; else its number + Enter. */
static long
spelling_keys(size_t k)
{
	return k == 0 ? 1 : digits((long)k + 1) + 1;
}

/* After typed is submitted at fld: the keys of the spelling screen the
 * console shows (app_block_spellings: field_spellings, then typed as its
 * last line) to end with want; 0 when no screen is shown and typed is
 * want; -1 when want cannot come of typed. */
static long
spelled_cost(const field *fld, const char *typed, const char *want)
{
	static block_spelling lines[6];
	size_t n = field_spellings(fld, typed, lines, 6);
	for (size_t k = 0; k < n; k++)
		if (strcmp(lines[k].text, want) == 0)
			return spelling_keys(k);
	if (strcmp(typed, want) != 0)
		return -1;
	return n ? digits((long)n + 1) + 1 : 0;
}

/* The ways of typing want that the console spells out into it: as it is,
 * its block number short (9-5-10 for 9丁目5番10号), its room bare (402 for
 * 402号室), both. How many written to out. */
static size_t
typed_forms(const field *fld, const char *want, char out[][1024])
{
	size_t n = 0, line;
	snprintf(out[n++], 1024, "%s", want);
	if (field_block_number(fld) && block_number_shorthand_of(want, out[n], 1024))
		n++;
	if (field_postal_lookup(fld) && address_block_shorthand_of(want, out[n], 1024, &line))
		n++;
	for (size_t i = 0, m = n; i < m; i++)
		if (room_number_shorthand_of(out[i], field_postal_lookup(fld), out[n], 1024))
			n++;
	return n;
}

/* What a text answer costs at the console: the box holds shown (a
 * prefill or suggestion that is wrong, or NULL for empty); the cheapest
 * of typing any form of want (typed_forms) after a start of it already in
 * the box, or after Ctrl-U clears the box, or, at an address question
 * (postal-lookup=), its postal code (7 digits + Enter, the place's number
 * + Enter when the code covers several, counted from its position in the
 * table) and the rest; then Enter and the spelling screen. */
static long
text_cost(const field *fld, const char *shown, const char *want)
{
	char forms[4][1024];
	size_t nforms = typed_forms(fld, want, forms);
	size_t kept = shown ? strlen(shown) : 0;
	long clear = shown ? 1 : 0, best = -1;

	for (size_t i = 0; i < nforms; i++) {
		const char *t = forms[i];
		long after = spelled_cost(fld, t, want);
		if (after < 0)
			continue;
		long keys = kept && strncmp(t, shown, kept) == 0 ? typing_keys(t + kept)
		                                                 : clear + typing_keys(t);
		keys += 1 + after;
		if (field_postal_lookup(fld)) {
			int places = 0, index = 0;
			size_t n = postal_start_of(t, &places, &index);
			long pick = places > 1 ? (index < 9 ? 2 : index + 1)
			                       : 0; /* digit, or ↓s, + Enter */
			long coded = clear + 7 + 1 + pick + typing_keys(t + n) + 1 + after;
			if (n > 0 && coded < keys)
				keys = coded;
		}
		if (best < 0 || keys < best)
			best = keys;
	}
	return best;
}

static bool trace;
static store_postal *postal_db; /* the console's, for the 丁目 of a town */

/* After the postal code: the 丁目 screen, when the household's postal
 * place divides into 丁目. The town question (prefill postal.town) of ref
 * is what is chosen; a listed one becomes the prefill, as in the console
 * (app_chome_choose). */
static long
chome_cost(const form *f, answers *a, const answers *ref, json_t *h)
{
	store_postal_place pl = {0};
	json_t *pv = json_object_get(h, "postal");
	const char *pref = json_string_value(json_object_get(pv, "postal.prefecture"));
	const char *city = json_string_value(json_object_get(pv, "postal.city"));
	const char *town = json_string_value(json_object_get(pv, "postal.town"));
	const field *town_field = form_field_by_prefill(f, "postal.town");
	const char *want = town_field ? answers_get_at(ref, field_id(town_field), 0) : NULL;
	int chome[STORE_CHOME_MAX];
	size_t n = 0;
	store_error err;

	if (!pref || !city || !town || !want)
		return 0;
	snprintf(pl.prefecture, sizeof pl.prefecture, "%s", pref);
	snprintf(pl.city, sizeof pl.city, "%s", city);
	snprintf(pl.town, sizeof pl.town, "%s", town);
	if (store_postal_chome(postal_db, &pl, chome, &n, &err) != 0 || n == 0)
		return 0;
	for (size_t k = 0; k < n; k++) {
		char line[sizeof pl.town + 16];
		if (store_postal_chome_town(town, chome[k], line, sizeof line) == 0 &&
		    strcmp(line, want) == 0) {
			prefill_value v = {"postal.town", line};
			answers_prefill_replace(a, &v, 1);
			return digits((long)k + 1) + 1;
		}
	}
	return 1;
}

/* What the console costs for one field step, given what is shown now
 * (an answer, or a suggested reading). */
static long
console_cost(const field *fld, const char *shown, bool prefilled, const char *want)
{
	if (!want)
		return shown ? 2 : 1; /* clear what was shown, or just Enter */
	if (shown && strcmp(shown, want) == 0)
		return 1; /* prefilled, carried, default or suggested: confirm */
	if (field_pick_count(fld)) {
		/* a line of the list, or its last line and the answer typed */
		int k = field_pick_index(fld, want);
		if (k >= 0)
			return digits(k + 1) + 1;
		return digits((long)field_pick_count(fld) + 1) + 1 + typing_keys(want) + 1;
	}
	(void)prefilled;
	switch (field_kind(fld)) {
	case FIELD_CHOICE:
		return digits(field_choice_index(fld, want) + 1) + 1;
	case FIELD_MULTI: {
		long n = 0;
		char *copy = strdup(want), *save = NULL;
		for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
			n += digits(field_choice_index(fld, t) + 1);
		free(copy);
		return n + 1;
	}
	case FIELD_POSTAL:
		/* digits only: the hyphen is optional */
		return 7 + 1 + (postal_places_of_code(want) > 1 ? 2 : 0);
	case FIELD_DATE:
		/* YYYYMMDD, as the empty box says (date_parse), after Ctrl-U
		 * clears a wrong date */
		return (shown ? 1 : 0) + 8 + 1;
	default:
		return text_cost(fld, shown, want);
	}
}

/* Walks the steps of f for household h; fills t. */
static int
run(const form *f, json_t *h, const char *json, tally *t, long *per_field)
{
	char why[256];
	answers *ref = answers_from_json_form(json, f, NULL, why, sizeof why);
	answers *a;
	prefill_value pv[64];
	size_t n;
	form_step s;
	bool ok;

	if (!ref) {
		fprintf(stderr, "%s: household not valid: %s\n", form_id(f), why);
		return -1;
	}
	a = answers_new(f);
	n = values_of(json_object_get(h, "card"), pv, 48);
	n += values_of(json_object_get(h, "postal"), pv + n, 8);
	if (json_is_string(json_object_get(h, "today")))
		pv[n++] = (prefill_value){"today", json_string_value(json_object_get(h, "today"))};
	answers_prefill(a, pv, n);
	/* The first person's card now; each next person's when they are
	 * added, after the person before is answered, as the console reads it
	 * (app_household_fill): so the copies of the person before's answers
	 * (same-as-previous) happen as they do at the desk. */
	json_t *cards = json_object_get(h, "instance_cards");
	{
		const char *rid;
		json_t *list;
		json_object_foreach(cards, rid, list)
		{
			size_t m = values_of(json_array_get(list, 0), pv, 64);
			if (m)
				answers_prefill_instance(a, rid, 0, pv, m);
		}
	}
	memset(t, 0, sizeof *t);
	ok = form_step_next(a, NULL, &s);
	while (ok && t->steps < 5000) {
		t->steps++;
		if (s.add_another) {
			bool yes = answers_repeat_count(ref, s.repeat_id) > s.instance;
			t->console += yes ? 2 : 1;
			per_field[form_field_count(f)] += yes ? 2 : 1;
			if (yes) {
				int k = answers_repeat_add_person(a, s.repeat_id);
				json_t *card = json_array_get(json_object_get(cards, s.repeat_id),
				                              (size_t)k);
				size_t m = card ? values_of(card, pv, 64) : 0;
				if (k >= 0 && m)
					answers_prefill_instance(a, s.repeat_id, k, pv, m);
			}
		} else {
			const field *fld = form_field_at(f, (size_t)s.field);
			const char *want = answers_get_at(ref, field_id(fld), s.instance);
			const char *shown = answers_get_at(a, field_id(fld), s.instance);
			/* the console's suggested reading of the name (tui/reading.h),
			 * name in capitals, or the form's <suggest> */
			char suggestion[192];
			if (!shown &&
			    (reading_suggest_for(a, fld, s.instance, suggestion,
			                         sizeof suggestion) ||
			     latin_suggest_for(a, fld, s.instance, suggestion, sizeof suggestion) ||
			     field_suggest_for(a, fld, s.instance, suggestion, sizeof suggestion)))
				shown = suggestion;
			/* the family name of the person before, offered to finish */
			const char *prev =
			        s.instance > 0 && field_offers_family_name(fld)
			                ? answers_get_at(a, field_id(fld), s.instance - 1)
			                : NULL;
			size_t fam = prev && !shown ? name_family_len(prev) : 0;
			long cost;
			if (fam && want && strncmp(want, prev, fam) == 0)
				cost = typing_keys(want + fam) + 1;
			else
				cost = console_cost(
				        fld,
				        shown ? shown
				        : fam ? prev
				              : NULL,
				        answers_prefilled_at(a, field_id(fld), s.instance), want);
			if (field_kind(fld) == FIELD_POSTAL && want)
				cost += chome_cost(f, a, ref, h);
			t->console += cost;
			per_field[s.field] += cost;
			if (trace)
				fprintf(stderr, "TRACE %s %d %ld %ld %s\n", field_id(fld),
				        s.instance, cost, want ? paper_cost(fld, want) : 0,
				        want ? want : "-");
			const char *stored = answers_get_at(a, field_id(fld), s.instance);
			if (!want || !stored || strcmp(want, stored) != 0)
				answers_put_at(a, field_id(fld), s.instance, want);
			if (want) {
				t->typing += paper_cost(fld, want);
				t->answers++;
			}
		}
		ok = form_step_next(a, &s, &s);
	}
	{
		char *j1 = answers_to_json(a, ""), *j2 = answers_to_json(ref, "");
		if (strcmp(j1, j2) != 0)
			fprintf(stderr, "%s: the walk did not reproduce the household answers\n",
			        form_id(f));
		free(j1);
		free(j2);
	}
	answers_free(a);
	answers_free(ref);
	return 0;
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long len;
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)len + 1);
	if (buf && fread(buf, 1, (size_t)len, fp) != (size_t)len) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[len] = '\0';
	fclose(fp);
	return buf;
}

/* Loads a household file and walks it; the form is the one it names. */
static int
walk_file(const form_set *set, const form *f, const char *path, tally *t, long **per_field)
{
	char *json = slurp(path);
	json_t *h = json ? json_loads(json, 0, NULL) : NULL;
	int rc = -1;
	if (h && !f)
		f = form_set_find(set, json_string_value(json_object_get(h, "form")));
	if (h && f) {
		if (json_is_string(json_object_get(h, "today")))
			setenv("YORISOI_TODAY", json_string_value(json_object_get(h, "today")), 1);
		*per_field = calloc(form_field_count(f) + 1, sizeof **per_field);
		rc = run(f, h, json, t, *per_field);
		unsetenv("YORISOI_TODAY");
	}
	json_decref(h);
	free(json);
	return rc;
}

typedef struct field_keys {
	const char *id;
	long keys;
} field_keys;

static int
by_keys_desc(const void *x, const void *y)
{
	const field_keys *a = x, *b = y;
	return (b->keys > a->keys) - (b->keys < a->keys);
}

/* The fields that cost the most keys, top first: what is left to win. */
static void
print_top_fields(const form *f, const long *per_field, long total)
{
	size_t n = form_field_count(f) + 1;
	field_keys *k = calloc(n, sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[i] = (field_keys){i + 1 < n ? field_id(form_field_at(f, i)) : "(add another)",
		                    per_field[i]};
	qsort(k, n, sizeof *k, by_keys_desc);
	printf("    ");
	for (size_t i = 0; i < n && i < 6 && k[i].keys > 0; i++)
		printf("%s%s %ld (%.0f%%)", i ? ", " : "", k[i].id, k[i].keys,
		       total ? 100.0 * (double)k[i].keys / (double)total : 0.0);
	printf("\n");
	free(k);
}

static int
by_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* --generated DIR: every household in DIR, median and worst per form. */
static int
generated(const form_set *set, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t cap = 256, n = 0;
	struct {
		const form *f;
		double ratio;
	} *r = malloc(cap * sizeof *r);
	/* keys by field, summed over each form's households */
	size_t nforms = form_set_count(set);
	long **sum = calloc(nforms, sizeof *sum), *total = calloc(nforms, sizeof *total);
	if (!d) {
		fprintf(stderr, "keystrokes: cannot open %s\n", dir);
		return 1;
	}
	while ((e = readdir(d))) {
		char path[1024];
		tally t;
		long *pf = NULL;
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		char *json = slurp(path);
		json_t *h = json ? json_loads(json, 0, NULL) : NULL;
		const form *f =
		        h ? form_set_find(set, json_string_value(json_object_get(h, "form")))
		          : NULL;
		json_decref(h);
		free(json);
		if (f && walk_file(set, f, path, &t, &pf) == 0 && t.typing > 0) {
			if (n == cap)
				r = realloc(r, (cap *= 2) * sizeof *r);
			r[n].f = f;
			r[n++].ratio = (double)t.console / (double)t.typing;
			for (size_t k = 0; k < nforms; k++) {
				if (form_set_at(set, k) != f)
					continue;
				if (!sum[k])
					sum[k] = calloc(form_field_count(f) + 1, sizeof **sum);
				for (size_t j = 0; j <= form_field_count(f); j++)
					sum[k][j] += pf[j];
				total[k] += t.console;
			}
		}
		free(pf);
	}
	closedir(d);
	printf("%-12s %6s %8s %8s\n", "form", "homes", "median", "worst");
	for (size_t i = 0; i < form_set_count(set); i++) {
		const form *f = form_set_at(set, i);
		double v[1024];
		size_t m = 0;
		for (size_t k = 0; k < n && m < 1024; k++)
			if (r[k].f == f)
				v[m++] = r[k].ratio;
		if (m == 0)
			continue;
		qsort(v, m, sizeof *v, by_double);
		/* the median of an even count is the mean of the middle two */
		double med = m % 2 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
		printf("%-12s %6zu %8.2f %8.2f\n", form_id(f), m, med, v[m - 1]);
		if (sum[i])
			print_top_fields(f, sum[i], total[i]);
	}
	for (size_t k = 0; k < nforms; k++)
		free(sum[k]);
	free(sum);
	free(total);
	free(r);
	return 0;
}

/* A form the set could not load is said, not silently left out of the
 * figures. */
static void
say_problem(const form_diag *d, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "keystrokes: %s:%d: %s\n", d->file, d->line, d->message);
}

int
main(int argc, char **argv)
{
	bool gen = argc > 1 && strcmp(argv[1], "--generated") == 0;
	const char *forms = argc > 1 + gen ? argv[1 + gen] : "forms";
	const char *households = argc > 2 + gen ? argv[2 + gen] : "tests/data/households";
	form_set *set = NULL;
	long all_console = 0, all_typing = 0;

	if (form_set_load_dir(forms, &set, say_problem, NULL) < 0 || !set) {
		fprintf(stderr, "keystrokes: cannot load %s\n", forms);
		return 1;
	}
	trace = getenv("KTRACE") != NULL;
	const char *db = getenv("YORISOI_POSTAL_DB");
	store_error err;
	if (!db || store_postal_open(db, &postal_db, &err) != 0) {
		fprintf(stderr, "keystrokes: YORISOI_POSTAL_DB: %s\n", db ? err.detail : "not set");
		form_set_free(set);
		return 1;
	}
	if (typing_model_init() != 0 || postal_starts_load("data/postal/postal.tsv.gz") != 0) {
		store_postal_close(postal_db);
		form_set_free(set);
		return 1;
	}
	if (gen) {
		int rc = generated(set, households);
		store_postal_close(postal_db);
		typing_model_done();
		postal_starts_done();
		form_set_free(set);
		return rc;
	}
	printf("%-12s %6s %8s %8s %8s %6s\n", "form", "steps", "answers", "console", "typing",
	       "ratio");
	for (size_t i = 0; i < form_set_count(set); i++) {
		const form *f = form_set_at(set, i);
		char path[1024];
		tally t;
		long *pf = NULL;

		snprintf(path, sizeof path, "%s/%s.json", households, form_id(f));
		if (access(path, R_OK) != 0) {
			printf("%-12s (no household: skipped)\n", form_id(f));
			continue;
		}
		if (walk_file(set, f, path, &t, &pf) == 0) {
			printf("%-12s %6d %8d %8ld %8ld %6.2f\n", form_id(f), t.steps, t.answers,
			       t.console, t.typing, t.typing ? (double)t.console / t.typing : 0.0);
			print_top_fields(f, pf, t.console);
			all_console += t.console;
			all_typing += t.typing;
		}
		free(pf);
	}
	if (all_typing)
		printf("%-12s %6s %8s %8ld %8ld %6.2f\n", "all", "", "", all_console, all_typing,
		       (double)all_console / all_typing);
	typing_model_done();
	postal_starts_done();
	store_postal_close(postal_db);
	reading_done();
	form_set_free(set);
	return 0;
}
