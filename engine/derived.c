/*
 * Derived values: computed from answers when asked for, never stored. An
 * age is whole years between a date answer and today (or another date
 * answer); an era value is a date answer in Japanese-era form. The loader
 * refuses cycles and inputs of the wrong kind, so evaluation only follows
 * field references; a depth limit guards the rest.
 */
#include "engine/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A date answer that applies, for derived d in instance inst. */
static const char *
date_input(const answers *a, const derived *d, const char *id, int inst)
{
	const field *fld = form_field_by_id(a->f, id);
	if (!fld || fld->type != FIELD_DATE)
		return NULL;
	return field_value_in_place(a, id, d->repeat, inst);
}

int
years_between(const char *birth, const char *on)
{
	int by, bm, bd, y, m, d, age;
	if (sscanf(birth, "%4d-%2d-%2d", &by, &bm, &bd) != 3 ||
	    sscanf(on, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	age = y - by;
	/* One is a year older on the day of the birthday (a 29 February
	 * birthday falls on 1 March in other years, as the age-counting law
	 * has it from the day before; for display the difference is moot). */
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

int
answers_derived_at(const answers *a, const char *id, int inst, char *buf, size_t n)
{
	const derived *d = form_derived_by_id(a->f, id);
	const char *from, *on;
	char today[11];
	int age;

	if (!d || !buf || n == 0)
		return -1;
	from = date_input(a, d, d->from, inst);
	if (!from)
		return -1;
	if (d->kind == DERIVED_ERA)
		return date_format_era(from, buf, n);
	if (d->at) {
		on = date_input(a, d, d->at, inst);
		if (!on)
			return -1;
	} else {
		date_today(today);
		on = today;
	}
	age = years_between(from, on);
	if (age < 0)
		return -1;
	if ((size_t)snprintf(buf, n, "%d", age) >= n)
		return -1;
	return 0;
}

int
answers_derived(const answers *a, const char *id, char *buf, size_t n)
{
	return answers_derived_at(a, id, 0, buf, n);
}
