/*
 * Every real procedure in forms/ against its reference household in
 * tests/data/households/<form_id>.json: the form loads clean (and the
 * folder's <next form=...> and <carry> references hold), the household
 * parses against it, every applicable required field is answered, and
 * answers_to_json gives back the same answers (compared after a canonical
 * round trip: keys sorted, compact). Also: what the card, today and the
 * postal pick prefill matches what the household declared, so a form
 * cannot quietly prefill the wrong thing.
 *
 * A household file is the answers JSON (engine.h) plus the optional
 * "today", "card", "postal" and "instance_cards" of the keystroke
 * benchmark (docs/form-authoring.md); answers_from_json ignores those.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <jansson.h>
#include <stdlib.h>

#define FORMS_DIR "forms"

/* The seven forms of the issue "seven real municipal forms": each must be
 * in forms/ (a missing file fails here, not silently). */
static const char *const expected_forms[] = {"juminhyo", "tenshutsu",   "tennyu", "tenkyo",
                                             "inkan",    "jidou_teate", "kaigo"};

static int diag_count;

static void
count_diag(const form_diag *d, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "    %s:%d: %s\n", d->file, d->line, d->message);
	diag_count++;
}

static form_set *
load_forms(void)
{
	form_set *s = NULL;
	diag_count = 0;
	if (form_set_load_dir(FORMS_DIR, &s, count_diag, NULL) != 0) {
		form_set_free(s);
		return NULL;
	}
	return s;
}

static char *
household_text(const char *form_id)
{
	char path[512];
	snprintf(path, sizeof path, "%s/households/%s.json", test_data_dir(), form_id);
	return test_read_file(path);
}

/* The answers-contract part of a household or of answers_to_json output,
 * canonical: {"form","form_version","lang","answers"}, keys sorted,
 * compact. NULL when the text is not JSON. Caller frees. */
static char *
canonical(const char *text)
{
	json_error_t err;
	json_t *root = json_loads(text, 0, &err), *out;
	char *s;
	if (!root || !json_is_object(root)) {
		json_decref(root);
		return NULL;
	}
	out = json_object();
	static const char *const keys[] = {"form", "form_version", "lang", "answers"};
	for (size_t i = 0; i < 4; i++) {
		json_t *v = json_object_get(root, keys[i]);
		if (v)
			json_object_set(out, keys[i], v);
	}
	s = json_dumps(out, JSON_SORT_KEYS | JSON_COMPACT);
	json_decref(out);
	json_decref(root);
	return s;
}

/* Fixes the engine's today from the household's "today" (past="true" dates and
 * the "today" prefill depend on it); returns the date or NULL. */
static const char *
household_today(json_t *root)
{
	static char today[16];
	const char *t = json_string_value(json_object_get(root, "today"));
	if (!t)
		return NULL;
	snprintf(today, sizeof today, "%s", t);
	date_set_today(today);
	return today;
}

/* A JSON object of strings as prefill values (borrowed from obj), plus
 * "today" when given. Returns the count. */
static size_t
prefill_values(json_t *obj, const char *today, prefill_value *out, size_t max)
{
	size_t n = 0;
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		if (n < max && json_is_string(v))
			out[n++] = (prefill_value){key, json_string_value(v)};
	}
	if (today && n < max)
		out[n++] = (prefill_value){"today", today};
	return n;
}

/* Parses, checks complete, and compares the round trip. Returns true when
 * the household is a finished, canonical set of answers for its form. */
static bool
household_round_trips(const form_set *s, const char *text, char *why, size_t whylen)
{
	char *lang = NULL;
	answers *a = answers_from_json(text, s, &lang, why, whylen);
	bool ok = false;
	if (!a)
		return false;
	form_step miss;
	if (!answers_complete_step(a, &miss)) {
		const field *fld =
		        miss.field >= 0 ? form_field_at(answers_form(a), (size_t)miss.field) : NULL;
		snprintf(why, whylen, "incomplete: first missing \"%s\" (instance %d)",
		         fld ? field_id(fld) : "(add-another)", miss.instance);
		goto out;
	}
	char *back = answers_to_json(a, lang);
	char *c1 = canonical(text), *c2 = back ? canonical(back) : NULL;
	if (c1 && c2 && strcmp(c1, c2) == 0) {
		ok = true;
	} else if (c1 && c2) {
		/* Show both from a little before the first difference, starting
		 * on a UTF-8 character boundary. */
		size_t d = 0;
		while (c1[d] && c1[d] == c2[d])
			d++;
		d = d > 60 ? d - 60 : 0;
		while (d > 0 && (c1[d] & 0xC0) == 0x80)
			d--;
		snprintf(why, whylen,
		         "round trip differs:\n      file:   ...%.160s\n      engine: ...%.160s",
		         c1 + d, c2 + d);
	} else {
		snprintf(why, whylen, "round trip: %s is not JSON", c1 ? "engine output" : "file");
	}
	free(c1);
	free(c2);
	free(back);
out:
	free(lang);
	answers_free(a);
	return ok;
}

TEST(forms_load_clean)
{
	form_set *s = load_forms();
	REQUIRE(s);
	CHECK_INT(diag_count, 0);
	CHECK_INT(form_set_check(s, count_diag, NULL), 0);
	for (size_t i = 0; i < sizeof expected_forms / sizeof expected_forms[0]; i++) {
		const form *f = form_set_find(s, expected_forms[i]);
		if (!f)
			fprintf(stderr, "    missing form %s\n", expected_forms[i]);
		CHECK(f != NULL);
		if (!f)
			continue;
		/* the moving notices became version 2 when 在留資格 and 在留期間
		 * became choices; their version 1 stays loadable (archive/) */
		bool moving = strncmp(expected_forms[i], "ten", 3) == 0;
		CHECK_INT(form_version(f), moving ? 2 : 1);
		if (moving)
			CHECK(form_set_find_version(s, expected_forms[i], 1) != NULL);
		CHECK(form_set_find_version(s, expected_forms[i], form_version(f)) == f);
		CHECK(form_title(f) && *form_title(f));
	}
	form_set_free(s);
}

/* Every form in forms/ has a household, and it is complete and canonical. */
TEST(every_form_has_a_household_that_round_trips)
{
	form_set *s = load_forms();
	REQUIRE(s);
	REQUIRE(form_set_count(s) >= sizeof expected_forms / sizeof expected_forms[0]);
	for (size_t i = 0; i < form_set_count(s); i++) {
		const form *f = form_set_at(s, i);
		char *text = household_text(form_id(f));
		char why[2048] = "";
		if (!text) {
			fprintf(stderr, "    no household for %s\n", form_id(f));
			CHECK(text != NULL);
			continue;
		}
		json_t *root = json_loads(text, 0, NULL);
		CHECK(root != NULL);
		if (root)
			household_today(root);
		bool ok = household_round_trips(s, text, why, sizeof why);
		if (!ok)
			fprintf(stderr, "    %s: %s\n", form_id(f), why);
		CHECK(ok);
		json_decref(root);
		free(text);
	}
	date_set_today(NULL);
	form_set_free(s);
}

/*
 * What the console would prefill from the household's card, today and
 * postal pick (and the cards read for repeat instances) agrees with what
 * the household declared: equal for card.* and today, a prefix for
 * postal.* (the postal pick gives the town, the resident adds 丁目).
 */
TEST(prefill_agrees_with_household)
{
	form_set *s = load_forms();
	REQUIRE(s);
	for (size_t i = 0; i < form_set_count(s); i++) {
		const form *f = form_set_at(s, i);
		char *text = household_text(form_id(f));
		if (!text)
			continue; /* reported by the round-trip test */
		json_t *root = json_loads(text, 0, NULL);
		char why[512];
		answers *want = answers_from_json(text, s, NULL, why, sizeof why);
		if (!root || !want) {
			json_decref(root);
			answers_free(want);
			free(text);
			continue;
		}
		const char *today = household_today(root);
		answers *a = answers_new(f);
		prefill_value pv[32];
		size_t n = 0;
		json_t *card = json_object_get(root, "card"),
		       *postal = json_object_get(root, "postal");
		n = prefill_values(card, today, pv, 32); /* card may be absent: today only */
		answers_prefill(a, pv, n);
		if (postal) {
			n = prefill_values(postal, NULL, pv, 32);
			answers_prefill(a, pv, n);
		}
		/* Instance cards: instance k of the repeat from the k-th card. */
		json_t *ic = json_object_get(root, "instance_cards");
		const char *rid;
		json_t *cards;
		json_object_foreach(ic, rid, cards)
		{
			for (size_t k = 0; k < json_array_size(cards); k++) {
				while (answers_repeat_count(a, rid) <= (int)k)
					if (answers_repeat_add(a, rid) < 0)
						break;
				n = prefill_values(json_array_get(cards, k), NULL, pv, 32);
				CHECK(answers_prefill_instance(a, rid, (int)k, pv, n) > 0);
			}
		}
		for (size_t j = 0; j < form_field_count(f); j++) {
			const field *fld = form_field_at(f, j);
			const char *src = field_prefill(fld);
			if (!src)
				continue;
			int ninst =
			        field_repeat(fld) ? answers_repeat_count(a, field_repeat(fld)) : 1;
			for (int k = 0; k < ninst; k++) {
				const char *got = answers_get_at(a, field_id(fld), k);
				const char *exp = answers_get_at(want, field_id(fld), k);
				if (!got || !field_applies_at(want, fld, k))
					continue;
				bool ok = exp && (strncmp(src, "postal.", 7) == 0
				                          ? strncmp(exp, got, strlen(got)) == 0
				                          : strcmp(exp, got) == 0);
				if (!ok)
					fprintf(stderr,
					        "    %s: %s[%d] prefilled \"%s\", household has "
					        "\"%s\"\n",
					        form_id(f), field_id(fld), k, got,
					        exp ? exp : "(none)");
				CHECK(ok);
			}
		}
		answers_free(a);
		answers_free(want);
		json_decref(root);
		free(text);
	}
	date_set_today(NULL);
	form_set_free(s);
}

/* The shape the issue asks for: household repeats with their instances. */
TEST(household_repeats)
{
	form_set *s = load_forms();
	REQUIRE(s);
	static const struct {
		const char *form, *repeat;
		int instances;
	} want[] = {{"tenshutsu", "members", 3},
	            {"tennyu", "members", 3},
	            {"tenkyo", "members", 2},
	            {"jidou_teate", "children", 2}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const form *f = form_set_find(s, want[i].form);
		CHECK(f && form_repeat_by_id(f, want[i].repeat));
		char *text = household_text(want[i].form);
		char why[512];
		answers *a = text ? answers_from_json(text, s, NULL, why, sizeof why) : NULL;
		CHECK(a != NULL);
		if (a)
			CHECK_INT(answers_repeat_count(a, want[i].repeat), want[i].instances);
		answers_free(a);
		free(text);
	}
	form_set_free(s);
}

/* The checks can fail: a household that leaves out a required answer of a
 * repeat instance is incomplete, and one that answers a question that does
 * not apply does not round-trip. */
TEST(broken_households_are_caught)
{
	form_set *s = load_forms();
	REQUIRE(s);
	char *text = household_text("tenshutsu");
	REQUIRE(text);
	char why[2048];
	date_set_today("2026-11-23");

	json_t *root = json_loads(text, 0, NULL);
	REQUIRE(root);
	json_t *ans = json_object_get(root, "answers");
	json_t *m1 = json_array_get(json_object_get(ans, "members"), 1);
	REQUIRE(m1);
	json_object_del(m1, "m_rel");
	char *missing = json_dumps(root, 0);
	CHECK(!household_round_trips(s, missing, why, sizeof why));
	CHECK(strstr(why, "m_rel") != NULL);
	free(missing);
	json_decref(root);

	root = json_loads(text, 0, NULL);
	ans = json_object_get(root, "answers");
	json_object_set_new(ans, "new_country", json_string("ベトナム")); /* abroad is "no" */
	char *hidden = json_dumps(root, 0);
	CHECK(!household_round_trips(s, hidden, why, sizeof why));
	free(hidden);
	json_decref(root);

	free(text);
	date_set_today(NULL);
	form_set_free(s);
}

/* The 転入届 at the new city starts from the 転出届: the same people and
 * addresses carry; what means something else there ("abroad": moving
 * abroad, not arriving from abroad) or is new (the date of filing) does
 * not. */
TEST(tenshutsu_carries_into_tennyu)
{
	form_set *s = load_forms();
	REQUIRE(s);
	char *text = household_text("tenshutsu");
	REQUIRE(text);
	char why[512];
	date_set_today("2026-12-10"); /* at the new city, after the move */
	answers *out = answers_from_json(text, s, NULL, why, sizeof why);
	REQUIRE(out);
	answers *in = answers_carry(out, form_set_find(s, "tennyu"));
	REQUIRE(in);
	CHECK_STR(form_id(answers_form(in)), "tennyu");
	CHECK_INT(answers_repeat_count(in, "members"), 3);
	CHECK_STR(answers_get_at(in, "m_name", 2), "北沢 陽菜");
	CHECK_STR(answers_get_at(in, "m_rel", 1), "妻");
	CHECK_STR(answers_get(in, "new_city"), "横浜市西区");
	CHECK_STR(answers_get(in, "old_addr"), answers_get(out, "old_addr"));
	CHECK_STR(answers_get(in, "move_date"), "2026-12-05");
	CHECK(answers_prefilled_at(in, "new_city", 0));
	CHECK(answers_get(in, "abroad") == NULL);
	CHECK(answers_get(in, "notify_date") == NULL);
	CHECK(answers_get(in, "filer") == NULL);
	answers_free(in);
	answers_free(out);
	free(text);
	date_set_today(NULL);
	form_set_free(s);
}

/* After 転入 or 転居, the procedures that follow start from the new address
 * (the card still holds the old one): its parts joined as one address. */
static void
check_new_address_carries(const form_set *s, const char *from_id, const char *to_id,
                          const char *const *parts)
{
	char *text = household_text(from_id);
	char why[512], want[512] = "";
	answers *out = text ? answers_from_json(text, s, NULL, why, sizeof why) : NULL;
	CHECK(out != NULL);
	if (!out) {
		free(text);
		return;
	}
	for (size_t i = 0; parts[i]; i++) {
		const char *v = answers_get(out, parts[i]);
		size_t len = strlen(want);
		if (v && *v)
			snprintf(want + len, sizeof want - len, "%s%s",
			         len && strcmp(parts[i], "new_bldg") == 0 ? " " : "", v);
	}
	answers *in = answers_carry(out, form_set_find(s, to_id));
	CHECK_STR(answers_get(in, "address"), want);
	CHECK(answers_prefilled_at(in, "address", 0));
	CHECK_STR(answers_get(in, "name"), answers_get(out, "name"));
	CHECK_STR(answers_get(in, "phone"), answers_get(out, "phone"));
	answers_free(in);
	answers_free(out);
	free(text);
}

TEST(new_address_carries_after_a_move)
{
	static const char *const tennyu[] = {"new_pref",  "new_city", "new_town",
	                                     "new_block", "new_bldg", NULL};
	static const char *const tenkyo[] = {"new_city", "new_town", "new_block", "new_bldg", NULL};
	form_set *s = load_forms();
	REQUIRE(s);
	date_set_today("2026-11-23");
	check_new_address_carries(s, "tennyu", "juminhyo", tennyu);
	check_new_address_carries(s, "tennyu", "jidou_teate", tennyu);
	check_new_address_carries(s, "tennyu", "inkan", tennyu);
	check_new_address_carries(s, "tenkyo", "juminhyo", tenkyo);
	date_set_today(NULL);
	form_set_free(s);
}

/* Derived values the counter reads: the age of the person needing care on
 * the day of the application, the children's ages, the 和暦 birth date. */
TEST(household_derived_values)
{
	form_set *s = load_forms();
	REQUIRE(s);
	char why[512], buf[64];
	date_set_today("2026-11-23");
	char *text = household_text("kaigo");
	answers *a = text ? answers_from_json(text, s, NULL, why, sizeof why) : NULL;
	REQUIRE(a);
	CHECK_INT(answers_derived(a, "age", buf, sizeof buf), 0);
	CHECK_STR(buf, "82");
	CHECK_INT(answers_derived(a, "birth_era", buf, sizeof buf), 0);
	CHECK_STR(buf, "昭和19年3月19日");
	answers_free(a);
	free(text);

	text = household_text("jidou_teate");
	a = text ? answers_from_json(text, s, NULL, why, sizeof why) : NULL;
	REQUIRE(a);
	CHECK_INT(answers_derived_at(a, "c_age", 0, buf, sizeof buf), 0);
	CHECK_STR(buf, "4");
	CHECK_INT(answers_derived_at(a, "c_age", 1, buf, sizeof buf), 0);
	CHECK_STR(buf, "1");
	answers_free(a);
	free(text);
	date_set_today(NULL);
	form_set_free(s);
}

/* 在留資格 and 在留期間 are the same lists, in the same order, in the three
 * moving notices: a household carried from one to the next keeps them,
 * and the counter reads the same numbers. */
TEST(moving_notices_share_the_residence_lists)
{
	form_set *s = load_forms();
	REQUIRE(s);
	const char *const ids[] = {"tenkyo", "tenshutsu"};
	const char *const fields[] = {"m_status", "m_period"};
	const form *ref = form_set_find(s, "tennyu");
	REQUIRE(ref);
	for (size_t k = 0; k < 2; k++) {
		const field *a = form_field_by_id(ref, fields[k]);
		REQUIRE(a && field_kind(a) == FIELD_CHOICE);
		CHECK(field_choice_count(a) > 10);
		for (size_t i = 0; i < 2; i++) {
			const field *b = form_field_by_id(form_set_find(s, ids[i]), fields[k]);
			REQUIRE(b && field_kind(b) == FIELD_CHOICE);
			CHECK_INT((int)field_choice_count(b), (int)field_choice_count(a));
			for (size_t c = 0; c < field_choice_count(a) && c < field_choice_count(b);
			     c++) {
				CHECK_STR(field_choice_id(b, c), field_choice_id(a, c));
				CHECK_STR(field_choice_term(b, c), field_choice_term(a, c));
				CHECK_STR(field_choice_label(b, c), field_choice_label(a, c));
				CHECK(field_choice_other(b, c) == field_choice_other(a, c));
			}
		}
		/* the last line takes what the list lacks */
		CHECK(field_choice_other(a, field_choice_count(a) - 1));
	}
	CHECK_INT((int)field_choice_count(form_field_by_id(ref, "m_status")), 36);
	CHECK_INT((int)field_choice_count(form_field_by_id(ref, "m_period")), 17);
	form_set_free(s);
}
