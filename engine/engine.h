/*
 * engine — the form model. Loads procedure definitions (the XML files in forms/),
 * holds a resident's answers, prefills them from named values, validates
 * and normalises input, and decides which questions apply.
 *
 * Pure logic: no terminal, no SQL, no card, no printing. Labels are gettext
 * msgids that the caller translates; validation failures are codes the
 * caller turns into words in the user's language. The only I/O is reading
 * definition files. Diagnostics for form authors (forms check) are English
 * "file:line: message" strings, like a compiler's.
 *
 * Ownership: a form_set owns its forms; a form outlives the answers made
 * for it; every char * returned by a *_to_* function is the caller's to
 * free(). Strings returned by accessors are borrowed from their owner.
 */
#ifndef YORISOI_ENGINE_H
#define YORISOI_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct form form;
typedef struct form_set form_set;
typedef struct field field;
typedef struct answers answers;

/* ---- diagnostics for form authors ---------------------------------- */

/* One problem found while loading or checking a definition. */
typedef struct form_diag {
	char file[512];
	int line; /* 0 when unknown */
	char message[512];
} form_diag;

/* Called once per problem; ctx is passed through. */
typedef void (*form_diag_fn)(const form_diag *d, void *ctx);

/* ---- loading --------------------------------------------------------- */

/*
 * Loads one definition, validating it against forms/form.rng (looked up
 * next to the file, then in schema_dir when non-NULL) and then semantically
 * (unknown choice lists, conditions on unknown fields, duplicate ids,
 * prefill sources that do not exist). Returns 0 and sets *out, or -1 after
 * reporting every problem through diag (which may be NULL).
 */
int form_load(const char *path, const char *schema_dir, form **out, form_diag_fn diag, void *ctx);
void form_free(form *f);

/*
 * Loads every *.xml in dir except the schema, sorted by file name. Forms
 * that fail to load are reported through diag and skipped; returns the
 * number of failures (0 when all loaded), or -1 when dir cannot be read.
 */
int form_set_load_dir(const char *dir, form_set **out, form_diag_fn diag, void *ctx);
void form_set_free(form_set *s);
size_t form_set_count(const form_set *s);
const form *form_set_at(const form_set *s, size_t i);
const form *form_set_find(const form_set *s, const char *form_id);

/* Like form_set_load_dir, but when dir has no form.rng of its own the
 * schema is looked up in schema_dir (forms check on a fixtures folder). */
int form_set_load_dir_schema(const char *dir, const char *schema_dir, form_set **out,
			     form_diag_fn diag, void *ctx);

/* ---- the definition -------------------------------------------------- */

const char *form_id(const form *f);
int form_version(const form *f);
const char *form_title(const form *f);        /* official Japanese title, e.g. 住民票の写し等交付請求書 */
const char *form_label(const form *f);        /* msgid: the title in plain English */
const char *form_description(const form *f);  /* msgid or NULL: what the procedure is for */
const char *form_path(const form *f);         /* file it was loaded from */

/* Fields in definition order: one question per screen. */
size_t form_field_count(const form *f);
const field *form_field_at(const form *f, size_t i);
const field *form_field_by_id(const form *f, const char *id);
int form_field_index(const form *f, const field *fld);

typedef enum field_type {
	FIELD_TEXT,   /* free text, one line */
	FIELD_KANA,   /* katakana reading; hiragana input is converted */
	FIELD_DATE,   /* stored ISO YYYY-MM-DD; Gregorian or Japanese-era input */
	FIELD_CHOICE, /* one choice id */
	FIELD_MULTI,  /* zero or more choice ids, stored space-separated in definition order */
	FIELD_NUMBER, /* whole number within [min, max] */
	FIELD_PHONE,  /* digits and hyphens, stored as digits only */
	FIELD_POSTAL  /* 7 digits, stored as NNN-NNNN */
} field_type;

const char *field_id(const field *fld);
field_type field_kind(const field *fld);
const char *field_label(const field *fld);   /* msgid: the question, in plain English */
const char *field_term(const field *fld);    /* official Japanese term printed on the form */
const char *field_help(const field *fld);    /* msgid or NULL: what to answer, with an example */
const char *field_section(const field *fld); /* msgid or NULL: heading of the part of the form */
bool field_required(const field *fld);
const char *field_prefill(const field *fld); /* source name such as "card.name", or NULL */
int field_min(const field *fld);             /* FIELD_NUMBER bounds; max length for text */
int field_max(const field *fld);

size_t field_choice_count(const field *fld);
const char *field_choice_id(const field *fld, size_t i);
const char *field_choice_label(const field *fld, size_t i); /* msgid */
const char *field_choice_term(const field *fld, size_t i);  /* official Japanese term */
int field_choice_index(const field *fld, const char *choice_id); /* -1 when not a choice */
bool field_past(const field *fld); /* FIELD_DATE with past="true": not after today */
const char *field_type_name(field_type t); /* "text", "kana", ... as in the XML */

/* ---- answers ------------------------------------------------------ */

typedef enum answer_status {
	ANSWER_OK = 0,
	ANSWER_ERR_REQUIRED,      /* empty but required */
	ANSWER_ERR_TOO_LONG,      /* longer than field_max characters */
	ANSWER_ERR_BAD_UTF8,      /* not valid UTF-8 */
	ANSWER_ERR_DATE_FORMAT,   /* not a date we can read */
	ANSWER_ERR_DATE_INVALID,  /* no such day, e.g. 2月30日 */
	ANSWER_ERR_ERA_RANGE,     /* the era had no such year/day, e.g. 平成31年5月1日 */
	ANSWER_ERR_DATE_FUTURE,   /* a birth date after today */
	ANSWER_ERR_KANA,          /* a reading with characters that are not kana */
	ANSWER_ERR_NUMBER,        /* not a whole number */
	ANSWER_ERR_NUMBER_RANGE,  /* outside [min, max] */
	ANSWER_ERR_PHONE,         /* not a phone number */
	ANSWER_ERR_POSTAL,        /* not 7 digits */
	ANSWER_ERR_CHOICE,        /* not one of the choices */
	ANSWER_ERR_UNKNOWN_FIELD  /* no such field in this form */
} answer_status;

/* A validation result: the code, and for range errors the bounds. */
typedef struct answer_error {
	answer_status status;
	int min, max;
} answer_error;

answers *answers_new(const form *f);
void answers_free(answers *a);
const form *answers_form(const answers *a);

/* The stored (normalised) value, or NULL when unanswered. */
const char *answers_get(const answers *a, const char *field_id);

/*
 * Validates and normalises raw user input for a field, then stores it.
 * Empty input clears the answer (an error only when the field is required
 * and applies). On error nothing changes and *err says why.
 */
answer_status answers_set(answers *a, const char *field_id, const char *input, answer_error *err);

/* Stores an already-normalised value without validation (drafts, JSON). */
answer_status answers_put(answers *a, const char *field_id, const char *value);
void answers_clear(answers *a, const char *field_id);

/*
 * Named prefill values handed in by the front end, e.g. "card.name",
 * "card.address", "card.birth" (YYYY-MM-DD), "card.sex" ("1","2","9","0"),
 * "today". Fills each field whose prefill source is present and which has
 * no answer yet; returns how many fields were filled.
 */
typedef struct prefill_value {
	const char *key;
	const char *value;
} prefill_value;
size_t answers_prefill(answers *a, const prefill_value *values, size_t n);

/* Whether the field's show-if condition holds for these answers. */
bool field_applies(const answers *a, const field *fld);

/* Whether the field must be answered now: it applies, and it is
 * required="true" or its <required-if> condition holds (e.g. the purpose
 * of a 住民票 request, required of third parties only). field_required()
 * tells only the fixed attribute. */
bool field_required_now(const answers *a, const field *fld);

/* Index of the next/previous applicable field from index `from`
 * (exclusive); -1 when there is none. form_next_field(a, -1) is the first. */
int form_next_field(const answers *a, int from);
int form_prev_field(const answers *a, int from);

/* True when every applicable required field is answered; otherwise sets
 * *first_missing to the index of the first one that is not. */
bool answers_complete(const answers *a, int *first_missing);

/*
 * The answers JSON contract of DESIGN.md:
 * {"form": id, "form_version": N, "lang": lang, "answers": {...}}, only
 * answered fields that apply, in definition order.
 */
char *answers_to_json(const answers *a, const char *lang);

/* Parses the answers JSON against the matching form in `forms`. Every
 * value goes through validation. Returns NULL and writes a one-line English
 * reason into why (for the CLI) on failure. *lang_out (optional) receives a
 * malloc'd copy of "lang". */
answers *answers_from_json(const char *json, const form_set *forms, char **lang_out, char *why,
			   size_t whylen);

/* ---- values shown to people --------------------------------------- */

/* A stored ISO date as a Japanese-era string, e.g. "昭和20年4月1日"
 * ("令和元年5月1日" for year 1). Returns 0, or -1 for a bad date. */
int date_format_era(const char *iso, char *out, size_t outlen);

/* Parses a date typed as Gregorian (2025-04-01, 2025/4/1, 2025年4月1日,
 * 20250401) or Japanese era (昭和20年4月1日, S20.4.1, R7/1/2, 令和元年5月1日,
 * full- or half-width digits) into ISO YYYY-MM-DD. */
answer_status date_parse(const char *input, char *iso_out, size_t outlen);

/* A short stable English name for a status, e.g. ANSWER_ERR_ERA_RANGE ->
 * "era-range" (for logs, the CLI and tests; the TUI words errors itself). */
const char *answer_status_name(answer_status st);

#endif
