/*
 * engine — the form model. Loads procedure definitions (the XML files in forms/),
 * holds a resident's answers, prefills them from named values, validates
 * and normalises input, and decides which questions apply.
 *
 * Pure logic: no terminal, no SQL, no card, no printing. Labels are gettext
 * msgids that the caller translates; validation failures are codes the
 * caller turns into words in the user's language. The only I/O is reading
 * definition files. Diagnostics for form authors (forms check) are English
 * "file:line: message" strings, like a compiler's. Text answers are stored
 * in Unicode NFC (libunistring).
 *
 * Ownership: a form_set owns its forms; a form outlives the answers made
 * for it; every char * returned by a *_to_* function is the caller's to
 * free(). Strings returned by accessors are borrowed from their owner.
 *
 * Out of memory, the policy of every module (engine, cardio, store, handoff,
 * tui): a failed allocation aborts at once, through the eng_x* helpers
 * below (store and handoff use them too), rather than returning an error. The requests are small
 * and bounded (a form, a draft, a code); a machine that cannot serve them cannot show the resident
 * a message either, and an abort loses nothing that autosave has not already written. Errors that
 * are returned are for what the world did (files, cards, scans), never for memory.
 */
#ifndef YORISOI_ENGINE_H
#define YORISOI_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

/* malloc, calloc, realloc, strdup and strndup that print "out of memory"
 * and abort instead of returning NULL (the policy above). A size of 0 is
 * served as 1, so the result is never NULL. */
void *eng_xmalloc(size_t n);
void *eng_xcalloc(size_t n, size_t size);
void *eng_xrealloc(void *p, size_t n);
char *eng_xstrdup(const char *s);
char *eng_xstrndup(const char *s, size_t n);

typedef struct form form;
typedef struct form_set form_set;
typedef struct field field;
typedef struct answers answers;
typedef struct form_repeat form_repeat;

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
 * The older versions kept in dir/archive/ (one file per id and version,
 * each older than the form of dir with its id) are loaded too, for
 * drafts and handoff codes made with them: only form_set_find_version
 * returns them; form_set_count, form_set_at and form_set_find see the
 * newest version of each form, the one the console offers.
 */
int form_set_load_dir(const char *dir, form_set **out, form_diag_fn diag, void *ctx);
void form_set_free(form_set *s);
size_t form_set_count(const form_set *s);
const form *form_set_at(const form_set *s, size_t i);
const form *form_set_find(const form_set *s, const char *form_id);
/* The form of that id and version, current or archived; NULL if the set
 * does not hold it. */
const form *form_set_find_version(const form_set *s, const char *form_id, int version);

/*
 * Checks what only a whole folder can tell: every <next form="..."> names
 * a form of the set, and every <carry> names fields of compatible types in
 * both forms. Returns the number of problems reported.
 */
int form_set_check(const form_set *s, form_diag_fn diag, void *ctx);

/* Like form_set_load_dir, but when dir has no form.rng of its own the
 * schema is looked up in schema_dir (forms check on a fixtures folder). */
int form_set_load_dir_schema(const char *dir, const char *schema_dir, form_set **out,
                             form_diag_fn diag, void *ctx);

/* ---- the definition -------------------------------------------------- */

const char *form_id(const form *f);
int form_version(const form *f);
const char *form_title(const form *f); /* official Japanese title, e.g. 住民票の写し等交付請求書 */
const char *form_label(const form *f);       /* msgid: the title in plain English */
const char *form_description(const form *f); /* msgid or NULL: what the procedure is for */
const char *form_path(const form *f);        /* file it was loaded from */

/* Frees a heap block after wiping all of it (malloc_usable_size): answers
 * and the texts made from them are residents' personal data, and the
 * console goes on to the next resident. Safe on NULL. */
void wipe_free(void *p);
/* realloc for such blocks: a new block of n bytes holding the first used
 * bytes of p, and p wiped and freed; aborts when out of memory. */
void *wipe_realloc(void *p, size_t used, size_t n);

/* Fields in definition order: one question per screen. Includes the
 * fields of repeat groups (contiguous, see field_repeat) and the fields
 * that other="true" choices add right after their choice field. */
size_t form_field_count(const form *f);
const field *form_field_at(const form *f, size_t i);
const field *form_field_by_id(const form *f, const char *id);
/* The first field that source prefills (prefill="postal.town"), or NULL. */
const field *form_field_by_prefill(const form *f, const char *source);
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
/* kana fields: the id of the name field this is the reading of (the
 * console suggests the reading of that name), or NULL */
const char *field_reading_of(const field *fld);
/* repeat fields: a new person starts with the person before's answer */
bool field_same_as_previous(const field *fld);
/* repeat name fields: a new person's answer starts with the family name
 * (the first word) of the person before's, for the resident to finish */
bool field_offers_family_name(const field *fld);
/* address text fields: a postal code typed alone stands for the start of
 * the address (prefecture, city, town), which the console fills in for
 * the resident to finish; the answer stays the address as written */
bool field_postal_lookup(const field *fld);
/* text fields (block-number=): the block and house number of an address
 * (番地・番・号); the console offers the official spellings of a shorthand
 * typed there (block_number_spellings) */
bool field_block_number(const field *fld);

/* An official spelling of a block number typed short: the whole answer,
 * whether it is a 地番 (番地) or a 住居表示 (番, 号) spelling, and whether
 * only a room number was spelled out (no block number was typed short). */
#define BLOCK_TEXT_MAX 512
typedef struct block_spelling {
	char text[BLOCK_TEXT_MAX];
	bool lot;
	bool room_only;
} block_spelling;

/* The official spellings a block-number shorthand stands for: "5-10"
 * (also ５－１０, 5ー10, 5の10) is 5番10号 (住居表示), 5番地10 or 5番地の10
 * (地番); "5" is 5番地 or 5番; "1-2-3" is 1丁目2番3号. How many were written
 * to out (at most max); 0 when typed is no such shorthand (an official
 * spelling already, words, more than three numbers). */
size_t block_number_spellings(const char *typed, block_spelling *out, size_t max);
/* The same inside a whole address (postal-lookup= fields): the first
 * numbers of the address, or the first after an "N丁目" written out, when
 * they are two or three joined as a shorthand: "東京都港区芝公園9-5-10 ハイツ"
 * is 東京都港区芝公園9丁目5番10号 ハイツ. The whole addresses, spelled. */
size_t address_block_spellings(const char *address, block_spelling *out, size_t max);
/* The 丁目 that s starts with, written in ASCII or full-width digits
 * ("5丁目3-8" and "５丁目" give 5), and its length with 丁目 in *len; -1
 * for none (no digits, more than three, or no 丁目 after them). */
int address_chome_at(const char *s, size_t *len);
/* The shorthand of an official spelling made only of numbers and 丁目,
 * 番, 番地, 番地の, 号 ("5番地の10" -> "5-10"); false for anything else. */
bool block_number_shorthand_of(const char *official, char *out, size_t n);
/* An address with its official block number written short as
 * address_block_spellings reads it back ("…芝公園9丁目5番10号 ハイツ" ->
 * "…芝公園9-5-10 ハイツ"), and the line of the official spelling among
 * those of the shorthand; false when it has none of two or three numbers. */
bool address_block_shorthand_of(const char *address, char *out, size_t n, size_t *line);
/* text with the room number it ends in written with 号室: "芝公園ハイツ402"
 * is "芝公園ハイツ402号室"; false when text ends in no bare room number after
 * a name (a number after 番地, 番, 丁目 or in a shorthand such as 9-5-10 is
 * part of the block number; in_address: one with no number before it is a
 * block number too) or out is too small. */
bool room_number_spelled(const char *text, bool in_address, char *out, size_t n);
/* The other way: text without the 号室 that room_number_spelled adds;
 * false when text does not end so. */
bool room_number_shorthand_of(const char *text, bool in_address, char *out, size_t n);
/* What the console offers for an address typed at a postal-lookup=
 * question: each spelling of its block number typed short
 * (address_block_spellings), first with its room number spelled with 号室
 * when it ends in one, then as it is; without a block number typed short,
 * the address with its room spelled (room_only). How many (at most max). */
size_t address_spellings(const char *address, block_spelling *out, size_t max);
/* The spellings the console offers for what was typed at fld: a block
 * number's (block-number=), an address's (postal-lookup=), a building's
 * room with 号室 (building=); 0 for none or any other field. */
size_t field_spellings(const field *fld, const char *typed, block_spelling *out, size_t max);
/* text fields (latin-of=): the name field this is the Latin spelling of;
 * the console offers that name when it is written in Latin letters */
const char *field_latin_of(const field *fld);
/* text fields (<suggest>): the answer the form offers in instance
 * `instance` (0 outside repeats), built from earlier answers while its
 * condition holds, e.g. the 後期高齢者医療広域連合 of the prefecture
 * for a person of 75 or more; false when there is none now. The resident
 * checks it; it is never stored unasked. */
bool field_suggest_for(const answers *a, const field *fld, int instance, char *out, size_t n);
/* ... and why it is offered (a msgid), or NULL when the field has no
 * <suggest> */
const char *field_suggest_label(const field *fld);
/* Text fields (<pick>): the common answers, offered as a list with a way
 * to type another; a pick's answer is its term (妻), its label the words
 * in the resident's language. The answer stays text, as if typed. */
size_t field_pick_count(const field *fld);
const char *field_pick_label(const field *fld, size_t i); /* msgid */
const char *field_pick_term(const field *fld, size_t i);
/* The pick whose term is value, or -1. */
int field_pick_index(const field *fld, const char *value);
/* A choice field's declared default (default="id"): the choice the console
 * offers selected before the resident picks one. NULL: none is, so that
 * Enter alone never answers for the resident. */
const char *field_default(const field *fld);
int field_min(const field *fld); /* FIELD_NUMBER bounds; max length for text */
int field_max(const field *fld);

size_t field_choice_count(const field *fld);
const char *field_choice_id(const field *fld, size_t i);
const char *field_choice_label(const field *fld, size_t i);      /* msgid */
const char *field_choice_term(const field *fld, size_t i);       /* official Japanese term */
int field_choice_index(const field *fld, const char *choice_id); /* -1 when not a choice */
/* Whether a stored multi value (choice ids separated by one space) holds
 * choice i of the field: readers walk the choices and ask, so that no one
 * else splits the stored spelling. */
bool field_multi_has(const field *fld, const char *value, size_t i);
bool field_past(const field *fld);         /* FIELD_DATE with past="true": not after today */
const char *field_type_name(field_type t); /* "text", "kana", ... as in the XML */

/* A per-field sentence (msgid or NULL) that says how to write a valid
 * answer, from <hint>; the console shows it under its own sentence for the
 * answer_status when validation fails. */
const char *field_hint(const field *fld);

/*
 * Text fields with a grammar. type="relationship" in the XML (続柄, the
 * relationship to the household head as the registry writes it: 子, 妻,
 * 子の妻, 妻の子, 夫（未届）, 縁故者, 同居人 ...) is a FIELD_TEXT for
 * every purpose but validation: it is typed, stored and handed off as text
 * (so handoff/ and the console need no new case), and field_text_rule()
 * tells the console it may offer the base terms as suggestions.
 */
typedef enum text_rule {
	TEXT_RULE_FREE,         /* any text */
	TEXT_RULE_RELATIONSHIP, /* 続柄 grammar; failures are ANSWER_ERR_RELATIONSHIP */
	/* type="resident-code": 住民票コード, 11 digits whose last is a check
	 * digit; stored as the 11 digits. Failures are ANSWER_ERR_RESIDENT_CODE. */
	TEXT_RULE_RESIDENT_CODE,
	/* type="residence-card": 在留カード番号, two letters, eight digits, two
	 * letters; stored upper-case without spaces. ANSWER_ERR_RESIDENCE_CARD. */
	TEXT_RULE_RESIDENCE_CARD
} text_rule;
text_rule field_text_rule(const field *fld);
/* The check digit of a 住民票コード from its first ten digits (the rule is in
 * engine/idnumber.c), or -1 when they are not ten digits. */
int resident_code_check_digit(const char *ten_digits);

/* The base terms of the 続柄 grammar in display order (世帯主, 妻, 夫, 子,
 * 父, 母 ...), NULL-terminated; borrowed, static. */
const char *const *relationship_terms(void);

/*
 * "Other, please specify". A choice written <choice id="other" other="true">
 * makes the loader add a text field right after its choice/multi field,
 * with the id "<field>_<choice>" (a "-" in the choice id becomes "_"),
 * asked only while that choice is picked, required while asked. It is an
 * ordinary field in every other way (steps, JSON, drafts, handoff), so the
 * value round-trips as {"purpose": "other", "purpose_other": "a bank"}.
 * Its label, term and help come from an optional <specify> inside the
 * choice; without one, the label is the choice's label and the term is
 * "<field term>（<choice term>）".
 */
bool field_choice_other(const field *fld, size_t i);
/* For a field added by other="true": the choice field it specifies;
 * NULL for every other field. */
const field *field_other_of(const field *fld);

/* ---- repeat groups ------------------------------------------------- */

/*
 * <repeat id="members" min="1" max="10"> holds fields asked once per
 * instance (one person moving, one child). The fields of a repeat are
 * contiguous in form_field_at order, and field ids stay unique across the
 * whole form. Conditions inside a repeat that name a field of the same
 * repeat look at the same instance; conditions that name a repeat field
 * from outside the repeat hold when they hold for ANY instance.
 */
size_t form_repeat_count(const form *f);
const form_repeat *form_repeat_at(const form *f, size_t i);
const form_repeat *form_repeat_by_id(const form *f, const char *id);
const char *repeat_id(const form_repeat *r);
const char *repeat_label(const form_repeat *r);   /* msgid: what one instance is, "Person moving" */
const char *repeat_term(const form_repeat *r);    /* official term, e.g. 異動者 */
const char *repeat_help(const form_repeat *r);    /* msgid or NULL */
const char *repeat_another(const form_repeat *r); /* msgid or NULL: the add-another question */
int repeat_min(const form_repeat *r);             /* 0 or more; instances created up front */
int repeat_max(const form_repeat *r);             /* at least min and 1 */
size_t repeat_field_count(const form_repeat *r);
const field *repeat_field_at(const form_repeat *r, size_t i);
/* The repeat a field belongs to: its id, or NULL outside repeats. */
const char *field_repeat(const field *fld);

/* ---- derived values ---------------------------------------------- */

/*
 * <derived id="age" from="birth" kind="age"/> (age in whole years today),
 * kind="age" at="move_date" (age on that date), kind="era" (the date in
 * Japanese-era form, 昭和60年4月1日). Computed on demand, never stored or
 * sent. A <derived> inside a <repeat> is computed per instance.
 */
size_t form_derived_count(const form *f);
const char *form_derived_id(const form *f, size_t i);
const char *form_derived_label(const form *f, size_t i); /* msgid or NULL */
/* Writes the value of derived `id` (for instance 0 / for `instance`) into
 * buf; returns 0, or -1 when the id is unknown or its inputs are not
 * answered (or do not apply). */
int answers_derived(const answers *a, const char *id, char *buf, size_t n);
int answers_derived_at(const answers *a, const char *id, int instance, char *buf, size_t n);

/* ---- what comes next ---------------------------------------------- */

/*
 * <next form="jidou_teate"> (a procedure in this folder) or <next> (one we
 * do not have), each with <label> and <term>: the procedures residents
 * usually also need. Borrowed strings; form_next_form is NULL for a
 * procedure without a definition.
 */
size_t form_next_count(const form *f);
const char *form_next_form(const form *f, size_t i);
const char *form_next_label(const form *f, size_t i); /* msgid */
const char *form_next_term(const form *f, size_t i);  /* official Japanese name */
/* Whether procedure i applies to these answers: its <when> holds (a
 * <next> without one always applies). A condition on a repeat's field
 * holds when it holds for any instance: <age field="m_birth" under="15"
 * at="move_date"/> is "a child under 15 moves". */
bool form_next_applies(const answers *a, size_t i);

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
	ANSWER_ERR_UNKNOWN_FIELD, /* no such field in this form, or no such repeat instance */
	ANSWER_ERR_RELATIONSHIP, /* not a 続柄 the registry would write (子, 妻, 子の妻, 夫（未届）)
	                          */
	ANSWER_ERR_RESIDENT_CODE,  /* not 11 digits, or the check digit does not match */
	ANSWER_ERR_RESIDENCE_CARD, /* not two letters, eight digits, two letters */
	ANSWER_ERR_DATE_WINDOW,    /* outside the field's min-days/max-days window:
	                            * answer_error.lo/hi give its first and last days */
} answer_status;

/* A validation result: the code, and for range errors the bounds. */
typedef struct answer_error {
	answer_status status;
	int min, max;
	char lo[11], hi[11]; /* ANSWER_ERR_DATE_WINDOW: ISO days, "" when open */
} answer_error;

/* Whether a stored date is in the field's window (min-days= and
 * max-days=, days from today): the console checks it when the resident
 * enters a date, so "up to 14 days from today" means it. Answers already
 * given (a resumed draft, a scanned code) are not refused later by it.
 * ANSWER_OK for fields without a window. */
answer_status field_date_window(const field *fld, const char *iso, answer_error *err);

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
 * The same per repeat instance. For fields outside repeats only instance 0
 * exists; answers_get/set/put/clear(a, id, ...) mean instance 0. Setting
 * instance == answers_repeat_count() (one past the end) adds the instance
 * first when the repeat is below its max; any other missing instance is
 * ANSWER_ERR_UNKNOWN_FIELD.
 */
const char *answers_get_at(const answers *a, const char *field_id, int instance);
answer_status answers_set_at(answers *a, const char *field_id, int instance, const char *input,
                             answer_error *err);
answer_status answers_put_at(answers *a, const char *field_id, int instance, const char *value);
void answers_clear_at(answers *a, const char *field_id, int instance);

/* Number of instances of a repeat (repeat_min of them from answers_new),
 * -1 for an unknown repeat id. */
int answers_repeat_count(const answers *a, const char *repeat_id);
/* Appends an empty instance; returns its index, or -1 at repeat_max or for
 * an unknown repeat. */
int answers_repeat_add(answers *a, const char *repeat_id);
/* Adds a person to a household list as the console does: the new instance
 * starts with the person before's answers to the fields the form marks
 * same-as-previous="true" (本籍, nationality, status of residence …), as
 * ANSWER_SOURCE_PREVIOUS, shown for confirmation. Returns the instance,
 * or -1 when the list is full. */
int answers_repeat_add_person(answers *a, const char *repeat_id);
/* Removes an instance and its answers, shifting later ones down; false
 * (nothing changes) when that would leave fewer than repeat_min. */
bool answers_repeat_remove(answers *a, const char *repeat_id, int instance);

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

/*
 * Sources beyond the card: "postal.prefecture", "postal.city",
 * "postal.town" (the place the resident picked for a postal code; the
 * console hands them in after the pick). Fields inside repeats are not
 * filled by answers_prefill: a card read for a household member fills one
 * instance with answers_prefill_instance (same keys, card.* of that card).
 *
 * Every filled value remembers its source until the resident changes it.
 * answers_prefill_replace also overwrites answers that still hold a value
 * filled earlier from the same source (the resident picked another town
 * for the same postal code, or corrected the postal code); answers the
 * resident typed or changed are never overwritten. Returns how many were
 * filled.
 */
size_t answers_prefill_replace(answers *a, const prefill_value *values, size_t n);
size_t answers_prefill_instance(answers *a, const char *repeat_id, int instance,
                                const prefill_value *values, size_t n);
/* Whether the answer still holds the value a prefill (or answers_carry)
 * put there: the console shows such answers for confirmation. */
bool answers_prefilled_at(const answers *a, const char *field_id, int instance);

/*
 * Where an answer came from, so the volunteer can check what the resident
 * did not type. The source of a prefill follows its key: "card.*" is the
 * card, "postal.*" the postal-code lookup, "today" today's date;
 * answers_carry gives ANSWER_SOURCE_CARRIED. A value the resident changes
 * (answers_set_at with a different value, answers_put_at) becomes
 * ANSWER_SOURCE_TYPED; confirming the same value keeps its source. An
 * unanswered field has ANSWER_SOURCE_NONE. The engine knows nothing of
 * cards beyond these key names.
 */
typedef enum answer_source {
	ANSWER_SOURCE_NONE,    /* no answer */
	ANSWER_SOURCE_TYPED,   /* typed or changed by the resident */
	ANSWER_SOURCE_CARD,    /* a card.* prefill */
	ANSWER_SOURCE_POSTAL,  /* a postal.* prefill */
	ANSWER_SOURCE_TODAY,   /* the "today" prefill */
	ANSWER_SOURCE_CARRIED, /* answers_carry: a previous procedure of this visit */
	ANSWER_SOURCE_DEFAULT, /* the form's default, accepted as offered */
	ANSWER_SOURCE_PREVIOUS /* the person before's answer (same-as-previous) */
} answer_source;
answer_source answers_source_at(const answers *a, const char *field_id, int instance);
/* Sets the source of a stored answer (a draft read back, or a choice the
 * console offered as the form's default and the resident accepted).
 * False, and nothing changes, when there is no answer or src is NONE. */
bool answers_mark_source_at(answers *a, const char *field_id, int instance, answer_source src);
/* "typed", "card", "postal", "today", "carried", "default" ("" for NONE);
 * answer_source_from_name is the inverse (NONE for an unknown name). */
const char *answer_source_name(answer_source src);
answer_source answer_source_from_name(const char *name);

/*
 * Walking the answers: every field in definition order, a repeat's fields
 * instance by instance at the place of its first field. This is the one
 * loop that knows how repeats are laid out; the JSON writer, the steps,
 * the handoff serialiser and reader, the clerk's summary and the slip all
 * walk with it.
 *
 *   answer_walk w;
 *   answers_walk_begin(&w, a, ANSWERS_WALK_APPLYING);
 *   while (answers_walk_next(&w))
 *           if (w.event == WALK_FIELD && w.value) ...
 *
 * Events: WALK_REPEAT_BEGIN once per repeat (w.repeat), then per instance
 * WALK_INSTANCE (w.instance) and its WALK_FIELDs, then WALK_REPEAT_END.
 * The instance count is read after WALK_REPEAT_BEGIN, so a reader that
 * builds answers may add the instances there. With ANSWERS_WALK_APPLYING,
 * fields whose show-if does not hold and repeats that do not apply are
 * skipped; w.applies tells the same with ANSWERS_WALK_ALL. The answers
 * must not change shape (instances removed) during a walk.
 */
typedef enum walk_event {
	WALK_FIELD,
	WALK_REPEAT_BEGIN,
	WALK_INSTANCE,
	WALK_REPEAT_END
} walk_event;
enum { ANSWERS_WALK_ALL = 0, ANSWERS_WALK_APPLYING = 1 };

typedef struct answer_walk {
	walk_event event;
	const field *field;        /* WALK_FIELD: the field */
	const form_repeat *repeat; /* the repeat the event is in or about; NULL outside */
	int instance;              /* the repeat instance; 0 outside repeats */
	int count;                 /* instances of w.repeat (from WALK_INSTANCE on) */
	const char *value;         /* WALK_FIELD: the stored value, or NULL */
	bool applies;              /* the field's (or repeat's) condition holds */
	/* private */
	const answers *a_;
	unsigned flags_;
	size_t next_; /* next field index outside a repeat */
	size_t j_;    /* next field inside the instance */
	int state_;
} answer_walk;

void answers_walk_begin(answer_walk *w, const answers *a, unsigned flags);
bool answers_walk_next(answer_walk *w);

/*
 * How a stored answer reads, the one formatter behind the console, the
 * slip and the clerk's summary:
 *  - ANSWER_SHOW_TERM: the paper form's Japanese: choice terms, dates in the
 *    Japanese era (令和8年11月23日); for the clerk;
 *  - ANSWER_SHOW_LABEL: choice labels through `translate`, ISO dates; for the
 *    resident's part of the slip;
 *  - ANSWER_SHOW_BOTH: "label（term）" and "2026-11-23（令和8年11月23日）"; for
 *    the console, read by the resident and the volunteer together.
 * `translate` turns a label msgid into the reader's language (NULL: as is).
 * Several choices of a multi are joined with "、" (", " for LABEL); an
 * empty or NULL value gives "". The text is cut to fit buf (n > 0).
 */
typedef enum answer_style { ANSWER_SHOW_TERM, ANSWER_SHOW_LABEL, ANSWER_SHOW_BOTH } answer_style;
typedef const char *(*answer_translate_fn)(const char *msgid);
const char *answer_format(const field *fld, const char *value, answer_style style,
                          answer_translate_fn translate, char *buf, size_t n);

/* Whether the field's show-if condition holds for these answers. */
bool field_applies(const answers *a, const field *fld);

/* Whether the field applies whatever the answers: it has no show-if (nor
 * is it the "please specify" text of a choice, which has one) and is not
 * in a repeat with a show-if. */
bool field_always_applies(const field *fld);

/* Whether the field must be answered now: it applies, and it is
 * required="true" or its <required-if> condition holds (e.g. the purpose
 * of a 住民票 request, required of third parties only). field_required()
 * tells only the fixed attribute. */
bool field_required_now(const answers *a, const field *fld);

/* The same for one repeat instance (instance 0 outside repeats). */
bool field_applies_at(const answers *a, const field *fld, int instance);
bool field_required_now_at(const answers *a, const field *fld, int instance);

/* Index of the next/previous applicable field from index `from`
 * (exclusive); -1 when there is none. form_next_field(a, -1) is the first.
 * For forms with repeats these see instance 0 only: use the steps below. */
int form_next_field(const answers *a, int from);
int form_prev_field(const answers *a, int from);

/* True when every applicable required field is answered; otherwise sets
 * *first_missing to the index of the first one that is not (for forms
 * with repeats, answers_complete_step tells the instance too). */
bool answers_complete(const answers *a, int *first_missing);

/*
 * Steps: what the console walks. A step asks one field of one instance,
 * or, after the last instance of a repeat that is below its max, asks
 * "add another?" (add_another: field is -1, instance is the index a new
 * instance would get, which equals answers_repeat_count). Fields outside
 * repeats have instance 0 and repeat_id NULL. Hidden fields are skipped,
 * and so is a whole repeat whose <show-if> does not hold.
 *
 * The console answers an add-another step itself: on "yes" it calls
 * answers_repeat_add and then form_step_next from the same step, which
 * leads into the new instance; on "no" form_step_next goes past the
 * repeat. Instances never drop below repeat_min (answers_new creates them),
 * so the resident may always stop at an add-another step.
 *
 * form_step_next(a, NULL, &s) gives the first step, form_step_prev(a,
 * NULL, &s) the last; both return false when there is no such step.
 * For forms without repeats the steps are exactly form_next_field's.
 */
typedef struct form_step {
	int field;             /* form_field_at index; -1 on an add-another step */
	int instance;          /* repeat instance, 0 outside repeats */
	bool add_another;      /* the "add another?" question after the last instance */
	const char *repeat_id; /* borrowed; NULL outside repeats */
} form_step;
bool form_step_next(const answers *a, const form_step *from, form_step *out);
bool form_step_prev(const answers *a, const form_step *from, form_step *out);
/* Like answers_complete, reporting the first missing step. */
bool answers_complete_step(const answers *a, form_step *first_missing);

/*
 * The answers JSON contract (README.md, docs/handoff-format.md):
 * {"form": id, "form_version": N, "lang": lang, "answers": {...}}, only
 * answered fields that apply, in definition order. A repeat is an array
 * of objects, one per instance, at the position of its first field:
 * "members": [{"m_name": "…", "m_birth": "…"}, {…}]; an instance with no
 * applicable answer is written as {} so instance numbers stay stable. A
 * repeat whose show-if does not hold, or with no instance, is left out.
 */
char *answers_to_json(const answers *a, const char *lang);

/* answers_to_json with options (drafts keep hidden answers). */
enum {
	ANSWERS_JSON_KEEP_HIDDEN = 1, /* also answers whose field does not apply now */
	/* also "sources": where each answer not typed came from, shaped like
	 * "answers" ({"name": "card", "members": [{"m_name": "card"}, {}]});
	 * drafts keep it, the handoff does not */
	ANSWERS_JSON_SOURCES = 4
};
char *answers_to_json_ex(const answers *a, const char *lang, unsigned flags);

/* Parses the answers JSON against the matching form in `forms`. Every
 * value goes through validation. Returns NULL and writes a one-line English
 * reason into why (for the CLI) on failure. *lang_out (optional) receives a
 * malloc'd copy of "lang". */
answers *answers_from_json(const char *json, const form_set *forms, char **lang_out, char *why,
                           size_t whylen);

/* The same against one form (its id and version must match). */
answers *answers_from_json_form(const char *json, const form *f, char **lang_out, char *why,
                                size_t whylen);

/* With options: ANSWERS_JSON_SKIP_UNKNOWN drops fields and repeats the
 * form no longer has, and values it no longer accepts, instead of failing
 * (drafts of an older definition). ANSWERS_JSON_SOURCES reads "sources"
 * back when present (anything in it that does not fit is ignored: a
 * source only decides a note on the screen). */
enum { ANSWERS_JSON_SKIP_UNKNOWN = 2 };
/* ANSWERS_JSON_OLDER: the answers may be of an older version of f (their
 * "form_version" lower than f's; with ANSWERS_JSON_SKIP_UNKNOWN, what f
 * no longer has is dropped). A value that a choice field of f refuses
 * (a text answer of a field that became a choice) becomes the choice
 * whose id, official term or label equals it after Unicode NFKC (so
 * 特定技能1号 is 特定技能１号); else, when the field has an other="true"
 * choice, that choice with the text in its other-text field; else it is
 * dropped and the question is asked again. */
enum { ANSWERS_JSON_OLDER = 8 };
answers *answers_from_json_ex(const char *json, const form *f, unsigned flags, char **lang_out,
                              char *why, size_t whylen);

/*
 * Starts the answers of a next procedure from answers already given. `to`
 * must be named by a <next form="..."> of from's form; what carries is
 * what that element declares: carry="matching" (every field, and every
 * repeat, whose id is in both forms), <carry from="x" to="y"/> (a field
 * or a whole repeat under another id) and <carry to="y"> with <part>s (one
 * text joined from several answers, such as a whole address from its
 * parts). Before those, each field of `to` filled from the card (prefill
 * card.*, outside repeats) takes the answer of from's field with the same
 * prefill: the card is read once a visit. Each value is validated against its
 * new field and skipped when it does not fit; carried values count as
 * prefilled (answers_prefilled_at), so the console shows them for
 * confirmation. Never NULL: with no matching <next> nothing is carried.
 */
answers *answers_carry(const answers *from, const form *to);

/* ---- values shown to people --------------------------------------- */

/* Whether a shown label already holds the official term: it is the term,
 * or the term with its reading after it (Easy Japanese 永住者（えいじゅう
 * しゃ）), so the term is not put beside it again. */
bool label_has_term(const char *label, const char *term);

/* A stored ISO date as a Japanese-era string, e.g. "昭和20年4月1日"
 * ("令和元年5月1日" for year 1). Returns 0, or -1 for a bad date. */
/*
 * "Today" for the whole program (prefill of "today", date ranges, ages, the
 * slip): the local date, unless the front end fixed one with
 * date_set_today (YYYY-MM-DD; NULL follows the clock again; -1 for a date
 * that is not one). The engine reads no environment itself.
 */
int date_set_today(const char *iso);
void date_today(char out[11]);

int date_format_era(const char *iso, char *out, size_t outlen);
/* The ISO day `days` after (before, when negative) iso; -1 when iso is not
 * a date. */
int date_shift(const char *iso, int days, char out[11]);

/* Parses a date typed as Gregorian (2025-04-01, 2025/4/1, 2025年4月1日,
 * 20250401) or Japanese era (昭和20年4月1日, S20.4.1, R7/1/2, 令和元年5月1日,
 * full- or half-width digits) into ISO YYYY-MM-DD. */
answer_status date_parse(const char *input, char *iso_out, size_t outlen);

/* A short stable English name for a status, e.g. ANSWER_ERR_ERA_RANGE ->
 * "era-range" (for logs, the CLI and tests; the TUI words errors itself). */
const char *answer_status_name(answer_status st);

#endif
