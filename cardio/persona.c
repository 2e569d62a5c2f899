/*
 * Persona files for the emulated card (docs/cards.md): one `key = value` a
 * line, `#` starts a comment line, blank lines are ignored. Unknown keys
 * are errors so a typo in a fault switch cannot pass silently.
 */
#include "cardio/internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char demo_persona[] = "# The built-in demo resident. Fictional; the PIN is 1234.\n"
                                   "name = 山田　花子\n"
                                   "address = 東京都千代田区千代田１－１\n"
                                   "birth = 19500401\n"
                                   "sex = 2\n"
                                   "mynumber = 123456789012\n"
                                   "pin = 1234\n"
                                   "pin_tries = 3\n";

const char *
cardio_emu_demo_persona(void)
{
	return demo_persona;
}

static bool
all_digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Parses a small unsigned number; -1 when it is not one. */
static long
small_number(const char *s)
{
	if (!*s || strlen(s) > 6)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	return strtol(s, NULL, 10);
}

/* Reads a `fault` value: a name, or sw:XXXX (4 hex digits) or slow:MS
 * (milliseconds, at most 60000). Returns 0 or -1. */
static int
parse_fault(cardio_persona *p, const char *val)
{
	static const struct {
		const char *name;
		cardio_fault f;
	} plain[] = {{"remove", FAULT_REMOVE},
	             {"garbage", FAULT_GARBAGE},
	             {"truncate", FAULT_TRUNCATE},
	             {"not_mynumber", FAULT_NOT_MYNUMBER}};

	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		if (strcmp(val, plain[i].name) == 0) {
			p->fault = plain[i].f;
			return 0;
		}
	}
	if (strncmp(val, "sw:", 3) == 0) {
		const char *h = val + 3;
		if (strlen(h) != 4)
			return -1;
		for (int i = 0; i < 4; i++)
			if (!isxdigit((unsigned char)h[i]))
				return -1;
		p->fault = FAULT_SW;
		p->fault_sw = (uint16_t)strtoul(h, NULL, 16);
		return 0;
	}
	if (strncmp(val, "slow:", 5) == 0) {
		long ms = small_number(val + 5);
		if (ms < 0 || ms > 60000)
			return -1;
		p->fault = FAULT_SLOW;
		p->fault_ms = (unsigned)ms;
		return 0;
	}
	return -1;
}

/* Stores one key's value after checking it. Returns 0, or -1 with why. */
static int
set_key(cardio_persona *p, const char *key, const char *val, unsigned *seen, char *why,
        size_t whylen)
{
	static const char *const keys[] = {"name",          "name_alpha", "address",
	                                   "birth",         "sex",        "mynumber",
	                                   "pin",           "pin_tries",  "remove_after_apdu",
	                                   "power_up_6f00", "fault",      "fault_at_apdu"};
	size_t k;
	for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (strcmp(key, keys[k]) == 0)
			break;
	if (k == sizeof keys / sizeof keys[0]) {
		snprintf(why, whylen, "unknown key \"%.40s\"", key);
		return -1;
	}
	if (*seen & (1u << k)) {
		snprintf(why, whylen, "key \"%s\" given twice", key);
		return -1;
	}
	*seen |= 1u << k;
	if (!cardio_utf8_valid((const uint8_t *)val, strlen(val))) {
		snprintf(why, whylen, "%s: not UTF-8", key);
		return -1;
	}

	long n;
	switch (k) {
	case 0:
	case 1:
	case 2: {
		char *dst = k == 0 ? p->name : k == 1 ? p->name_alpha : p->address;
		size_t cap = k == 2 ? sizeof p->address : sizeof p->name;
		if (strlen(val) >= cap || (k != 1 && !*val)) {
			snprintf(why, whylen, "%s: empty or longer than %zu bytes", key, cap - 1);
			return -1;
		}
		memcpy(dst, val, strlen(val) + 1);
		return 0;
	}
	case 3:
		if (strlen(val) != 8 || !cardio_birth_valid(val)) {
			snprintf(why, whylen, "birth: want a real date as YYYYMMDD");
			return -1;
		}
		memcpy(p->birth, val, 9);
		return 0;
	case 4:
		if (strlen(val) != 1 || !cardio_sex_valid(val[0])) {
			snprintf(why, whylen, "sex: want 1, 2, 9 or 0");
			return -1;
		}
		memcpy(p->sex, val, 2);
		return 0;
	case 5:
		if (!all_digits(val, 12)) {
			snprintf(why, whylen, "mynumber: want 12 digits");
			return -1;
		}
		memcpy(p->mynumber, val, 13);
		return 0;
	case 6:
		if (!all_digits(val, 4)) {
			snprintf(why, whylen, "pin: want 4 digits");
			return -1;
		}
		memcpy(p->pin, val, 5);
		return 0;
	case 7:
		n = small_number(val);
		if (n < 0 || n > 3) {
			snprintf(why, whylen, "pin_tries: want 0 to 3");
			return -1;
		}
		p->pin_tries = (int)n;
		return 0;
	case 8:
		n = small_number(val);
		if (n < 0) {
			snprintf(why, whylen, "remove_after_apdu: want a number");
			return -1;
		}
		p->remove_after_apdu = (unsigned)n;
		return 0;
	case 9:
		n = small_number(val);
		if (n < 0 || n > 1) {
			snprintf(why, whylen, "power_up_6f00: want 0 or 1");
			return -1;
		}
		p->power_up_6f00 = n == 1;
		return 0;
	case 10:
		if (parse_fault(p, val) != 0) {
			snprintf(why, whylen,
			         "fault: want remove, garbage, truncate, sw:XXXX, slow:MS or "
			         "not_mynumber");
			return -1;
		}
		return 0;
	default:
		n = small_number(val);
		if (n < 0) {
			snprintf(why, whylen, "fault_at_apdu: want a number");
			return -1;
		}
		p->fault_at_apdu = (unsigned)n;
		return 0;
	}
}

static char *
trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

int
cardio_persona_parse(const char *text, cardio_persona *p, char *why, size_t whylen)
{
	char line[1024];
	unsigned seen = 0;
	int lineno = 0, rc = -1;
	char reason[160] = "";

	memset(p, 0, sizeof *p);
	p->pin_tries = 3;
	snprintf(p->mynumber, sizeof p->mynumber, "123456789012");
	if (!text) {
		snprintf(reason, sizeof reason, "no persona text");
		goto out;
	}
	for (const char *cur = text; *cur;) {
		const char *nl = strchr(cur, '\n');
		size_t n = nl ? (size_t)(nl - cur) : strlen(cur);
		lineno++;
		if (n >= sizeof line) {
			snprintf(reason, sizeof reason, "line %d: too long", lineno);
			goto out;
		}
		memcpy(line, cur, n);
		line[n] = '\0';
		cur = nl ? nl + 1 : cur + n;

		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			snprintf(reason, sizeof reason, "line %d: want key = value", lineno);
			goto out;
		}
		*eq = '\0';
		char msg[120];
		if (set_key(p, trim(s), trim(eq + 1), &seen, msg, sizeof msg) != 0) {
			snprintf(reason, sizeof reason, "line %d: %s", lineno, msg);
			goto out;
		}
	}
	static const char *const required[] = {"name", "address", "birth", "sex", "pin"};
	static const unsigned bits[] = {1u << 0, 1u << 2, 1u << 3, 1u << 4, 1u << 6};
	for (size_t i = 0; i < 5; i++) {
		if (!(seen & bits[i])) {
			snprintf(reason, sizeof reason, "missing key \"%s\"", required[i]);
			goto out;
		}
	}
	rc = 0;
out:
	memset(line, 0, sizeof line);
	if (rc != 0 && why && whylen)
		snprintf(why, whylen, "persona: %s", reason);
	return rc;
}
