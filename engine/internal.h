/*
 * engine internals: the structures behind the opaque handles of engine.h
 * and the helpers the engine's files share. Nothing outside engine/ may
 * include this header.
 */
#ifndef YORISOI_ENGINE_INTERNAL_H
#define YORISOI_ENGINE_INTERNAL_H

#include "engine/engine.h"

#include <stdint.h>

/* A show-if condition: a leaf test on one field, or a combination. */
typedef enum cond_kind {
	COND_EQUALS,
	COND_NOT_EQUALS,
	COND_INCLUDES,
	COND_ANSWERED,
	COND_AGE,    /* <age field= [at=] under=|from=/>: whole years of a date answer */
	COND_PASSED, /* <passed field=/>: a date answer that is today or earlier */
	COND_ALL,
	COND_ANY,
	COND_NOT
} cond_kind;

typedef struct condition {
	cond_kind kind;
	int line;
	char *field; /* leaves: the field tested */
	char *value; /* equals, not-equals, includes: the choice id or value */
	char *at;    /* age: the date field it is counted at; NULL: today */
	int under;   /* age: holds below this many years (-1: not given) */
	int from;    /* age: holds at this many years or more (-1: not given) */
	struct condition **kids;
	size_t nkids;
} condition;

typedef struct choice {
	char *id;
	char *label; /* msgid */
	char *term;  /* official Japanese term */
	char *code;  /* optional: the value a prefill source gives for it, e.g. card.sex "2" */
	bool other;  /* other="true": a text field <field>_<choice> specifies it */
	char *spec_label, *spec_term, *spec_help; /* <specify>, or NULL */
	int spec_max;                             /* 0 when not given */
	int line;
} choice;

/* A named list shared by several fields, or the inline list of one field. */
typedef struct choice_list {
	char *id; /* NULL for inline lists */
	choice *items;
	size_t n;
	int line;
} choice_list;

/* One part of a <suggest>ed answer: the prefecture an address answer
 * starts with, its start before the first number (prefecture, city and
 * town), or a text. */
typedef struct suggest_part {
	char *prefecture_of; /* a text field, or NULL */
	char *town_of;       /* a text field, or NULL */
	char *text;          /* or NULL */
	int line;
} suggest_part;

/* <suggest>: an answer offered for the resident to check, while a
 * condition holds; label (a msgid) says why. */
typedef struct suggestion {
	condition *when; /* NULL: always */
	suggest_part *parts;
	size_t nparts;
	char *label;
	int line;
} suggestion;

struct field {
	char *id;
	field_type type;
	text_rule rule; /* FIELD_TEXT only: type="relationship" */
	char *label, *term, *help, *hint;
	const char *section; /* borrowed from the form's sections */
	bool required;
	bool past; /* date fields: not after today (birth dates) */
	/* date fields: the window the resident may enter, in days from today
	 * (min-days="-365" max-days="14"); checked at entry, not on decode */
	int min_days, max_days;
	bool has_min_days, has_max_days;
	char *prefill;
	char *reading_of;       /* kana fields: the name field this is the reading of */
	char *latin_of;         /* text fields: the name field this spells in Latin letters */
	bool same_as_previous;  /* repeat fields: start as the person before's answer */
	bool offer_family_name; /* repeat name fields: offer the family name before */
	bool postal_lookup;     /* address text fields: a postal code fills the start */
	bool block_number;      /* text fields: 番地・番・号, shorthand offered spelled out */
	bool building;          /* text fields: 方書, a bare room number offered with 号室 */
	char *default_choice;   /* choice fields: the choice offered first, or NULL */
	int min, max;
	bool has_min, has_max;
	char *choices_ref;          /* choices="..." as written */
	const choice_list *choices; /* resolved list, shared or &inline_choices */
	choice_list inline_choices;
	choice_list picks;   /* text fields: <pick>s, common answers offered as a list */
	char *picks_ref;     /* text fields: picks="..." as written, a list in lists/ */
	suggestion *suggest; /* text fields: <suggest>, or NULL */
	condition *show_if;
	condition *required_if; /* required="true" wins; else required while this holds */
	int line;
	size_t index;                 /* position in the form */
	int repeat;                   /* index in form->repeats, -1 outside repeats */
	const form_repeat *in_repeat; /* the same as a pointer, NULL outside */
	const field *other_of;        /* added by other="true": the choice field it specifies */
	const char *other_choice;     /* ... and the choice id (borrowed) */
};

struct form_repeat {
	char *id, *label, *term, *help, *another;
	int min, max;
	bool has_min, has_max;
	condition *show_if;
	size_t first, nfields; /* its fields are form->fields[first .. first + nfields) */
	size_t index;          /* position in form->repeats */
	const form *owner;
	int line;
};

typedef enum derived_kind { DERIVED_AGE, DERIVED_ERA } derived_kind;

typedef struct derived {
	char *id, *from, *at, *label; /* at and label may be NULL */
	derived_kind kind;
	int repeat; /* index in form->repeats, -1 outside */
	int line;
} derived;

typedef struct carry_part {
	char *from;   /* a field outside repeats */
	char *before; /* put before it when text comes before it; "" for none */
	int line;
} carry_part;

typedef struct carry_rule {
	char *from, *to;   /* to == from when the XML left it out; from "" with parts */
	carry_part *parts; /* <part>s joined into one text answer, in order */
	size_t nparts;
	int line;
} carry_rule;

typedef struct next_proc {
	char *form; /* NULL: a procedure without a definition */
	char *label, *term;
	bool matching; /* carry="matching" */
	carry_rule *carries;
	size_t ncarries;
	condition *when; /* <when>: offered only while it holds; NULL: always */
	int line;
} next_proc;

struct form {
	char *path;
	char *id;
	int version;
	char *title, *label, *description;
	choice_list *lists;
	size_t nlists;
	field **fields;
	size_t nfields;
	char **sections;
	size_t nsections;
	form_repeat **repeats;
	size_t nrepeats;
	derived *derived;
	size_t nderived;
	next_proc *next;
	size_t nnext;
};

struct form_set {
	form **forms; /* the newest version of each form: what is offered */
	size_t n;
	form **old; /* older versions from archive/, for decoders only */
	size_t nold;
};

/* Where an answer came from (answer_source in engine.h): answers not
 * typed are shown for confirmation, and only a prefill from the same
 * source may replace one. */
typedef struct slot {
	char *value; /* NULL when unanswered */
	answer_source origin;
} slot;

struct answers {
	const form *f;
	slot *top;   /* one per field; used for fields outside repeats */
	int *count;  /* per repeat: number of instances */
	slot **inst; /* per repeat: count * repeat->nfields slots, instance-major */
};

/* ---- answers.c ---- */
/* The slot of fld in instance inst (0 outside repeats), or NULL when that
 * instance does not exist. */
slot *answers_slot(const answers *a, const field *fld, int inst);
/* Stores value (taken) into the slot with its origin. */
void slot_store(slot *s, char *value, answer_source origin);

/* Decodes one UTF-8 sequence at s (len bytes left); returns its length and
 * sets *cp, or 0 for an invalid or truncated sequence. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Number of code points of a valid UTF-8 string, or -1 if invalid. */
long utf8_length(const char *s);

/* A growable byte buffer for building normalised strings. */
typedef struct sbuf {
	char *p;
	size_t len, cap;
} sbuf;
void sbuf_add(sbuf *b, const char *s, size_t n);
void sbuf_add_cp(sbuf *b, uint32_t cp);
char *sbuf_take(sbuf *b); /* NUL-terminated, caller frees; b is reset */

/* Folds full-width ASCII (U+FF01..FF5E) and the ideographic space to
 * ASCII. Returns NULL for invalid UTF-8. Caller frees. */
char *fold_width(const char *s);

/* Collapses runs of XML whitespace to one space and trims, the way
 * xgettext normalises ITS messages, so msgids match the catalogue. */
char *normalize_space(const char *s);

void diag_report(form_diag_fn fn, void *ctx, const char *file, int line, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

/* ---- kana.c ---- */
/* Normalises a katakana reading (see kana.c); returns ANSWER_OK and a
 * malloc'd result, or ANSWER_ERR_KANA / ANSWER_ERR_BAD_UTF8. */
answer_status kana_normalize(const char *in, char **out);
/* Replaces half-width katakana in s with full-width; NULL when invalid. */
char *kana_widen(const char *s);

/* ---- date.c ---- */

/* ---- validate.c ---- */
/* Validates and normalises input for fld; on ANSWER_OK *out is malloc'd
 * (NULL when the input is empty). */
answer_status field_normalize(const field *fld, const char *input, char **out, answer_error *err);

/* Unicode NFC of valid UTF-8 s (libunistring); caller frees. */
char *nfc(const char *s);
char *nfkc(const char *s);

/* ---- relationship.c ---- */
/* Validates and normalises a 続柄; ANSWER_OK and a malloc'd *out, or
 * ANSWER_ERR_RELATIONSHIP. */
answer_status relationship_normalize(const char *in, char **out);

/* engine/idnumber.c: 住民票コード and 在留カード番号 (width already folded). */
answer_status resident_code_normalize(const char *in, char **out);
answer_status residence_card_normalize(const char *in, char **out);

/* ---- condition.c ---- */
void condition_free(condition *c);
/* Evaluates c for a field of repeat `rep` (-1 outside) in instance `inst`:
 * leaves on the same repeat read that instance, leaves on another repeat
 * hold when they hold for any instance. */
/* The answer of field `id` as a field of repeat `rep` (-1 outside) in
 * instance `inst` sees it: the same instance when it shares the repeat,
 * the field itself outside repeats; NULL for another repeat's field, an
 * unknown id, or an answer that is missing or does not apply. */
const char *field_value_in_place(const answers *a, const char *id, int rep, int inst);
/* Whole years from birth to on (both ISO), or -1 when on is earlier. */
int years_between(const char *birth, const char *on);
bool condition_eval(const answers *a, const condition *c, int rep, int inst, int depth);
/* Whether the repeat's own show-if holds (true without one). */
bool repeat_applies(const answers *a, const form_repeat *r);

/* ---- derived.c ---- */
const derived *form_derived_by_id(const form *f, const char *id);

/* ---- prefecture.c, suggest.c ---- */
/* The length in bytes of the prefecture an address starts with, or 0. */
size_t prefecture_prefix_len(const char *address);
/* Block numbers (blocknum.c): a digit, ASCII or full width; a separator
 * people type between the numbers of a shorthand (5-10, 5の10); the first
 * digit in s, or NULL. */
bool block_is_digit(uint32_t c);
bool block_is_separator(uint32_t c);
const char *block_first_digit(const char *s);
/* The length of an address's start before its first number (東京都港区芝公園
 * of 東京都港区芝公園9丁目5番10号), when it starts with a prefecture and has a
 * number after the town; else 0. */
size_t town_prefix_len(const char *address);
void suggestion_free(suggestion *s);

/* ---- form_check*.c ---- */
typedef struct check_ctx {
	form *f;
	form_diag_fn diag;
	void *ctx;
	int errors;
} check_ctx;

#define REPORT(cc, line, ...)                                                                      \
	do {                                                                                       \
		diag_report((cc)->diag, (cc)->ctx, (cc)->f->path, (line), __VA_ARGS__);            \
		(cc)->errors++;                                                                    \
	} while (0)

bool is_choice_type(field_type t);
/* Checks one condition tree of `owner` (NULL: a repeat's show-if). */
void check_condition(check_ctx *cc, const field *owner, const condition *c);
/* form_check_structure.c: repeats, derived values, other-specify, <next>. */
void check_structure(check_ctx *cc);
/* form_check_reach.c: show-ifs that can never hold. */
void check_reachable(check_ctx *cc);

/* Semantic checks after the schema passed; returns the number of
 * problems reported. Resolves choices= references as it goes. */
int form_check(form *f, form_diag_fn diag, void *ctx);

/* ---- form.c ---- */
void choice_list_clear(choice_list *l);

/* ---- form_load.c, form_build.c ---- */
#define FORM_NS "urn:yorisoi:form:1"

/* One file being loaded: where its problems go, and how many there were. */
typedef struct load_ctx {
	const char *path;
	form_diag_fn diag;
	void *ctx;
	int errors;
	int last_line; /* the last libxml2 error, to drop repeats */
	char last_msg[512];
} load_ctx;

struct _xmlNode;
/* Builds the form from the root element of a document the schema
 * accepted; problems found on the way are reported and counted in lc. */
form *form_build(load_ctx *lc, const struct _xmlNode *root);
/* Appends the <pick>s under root (a list file's <picks>) to l. */
void form_build_picks(const struct _xmlNode *root, choice_list *l);
bool prefill_source_known(const char *name);
/* prefill.c: the source a prefill key stands for ("card.name" -> CARD). */
answer_source prefill_key_source(const char *key);

#endif
