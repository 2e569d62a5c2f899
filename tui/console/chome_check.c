/* The 丁目 of an address typed after a postal code (postal-lookup=): a
 * block spelled with a 丁目 that the town data does not give the town, or
 * with none where it divides the town, is pointed out for the volunteer
 * to check (docs/postal.md). A notice only: the data can lag a change. */
#include "tui/console/app.h"
#include "tui/i18n.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

void
app_chome_box_forget(app *a)
{
	sodium_memzero(&a->box_place, sizeof a->box_place); /* the resident's town */
	a->box_field = -1;
	a->box_instance = 0;
}

void
app_chome_box_place(app *a, const store_postal_place *p, int field_index, int instance)
{
	a->box_place = *p;
	a->box_field = field_index;
	a->box_instance = instance;
}

/* "1–4" or "1–3, 5": the numbers as runs. */
static void
chome_runs(const int *chome, size_t count, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < count && used < n; i++) {
		size_t j = i;
		while (j + 1 < count && chome[j + 1] == chome[j] + 1)
			j++;
		int w = j > i ? snprintf(buf + used, n - used, "%s%d–%d", used ? ", " : "",
		                         chome[i], chome[j])
		              : snprintf(buf + used, n - used, "%s%d", used ? ", " : "", chome[i]);
		used += w > 0 ? (size_t)w : 0;
		i = j;
	}
}

bool
app_chome_doubtful(app *a, const char *spelled, int field_index, int instance, char *msg, size_t n)
{
	char start[sizeof a->box_place.prefecture + sizeof a->box_place.city +
	           sizeof a->box_place.town + sizeof a->box_place.street];
	int chome[STORE_CHOME_MAX];
	size_t count = 0, len;
	store_error err;

	if (!a->postal || field_index != a->box_field || instance != a->box_instance ||
	    !a->box_place.town[0])
		return false;
	app_postal_address_start(&a->box_place, start, sizeof start);
	if (strncmp(spelled, start, strlen(start)) != 0 ||
	    store_postal_chome(a->postal, &a->box_place, chome, &count, &err) != 0 || count == 0)
		return false;
	const char *rest = spelled + strlen(start);
	int k = address_chome_at(rest, &len);
	if (k >= 0) {
		for (size_t i = 0; i < count; i++)
			if (chome[i] == k)
				return false;
	} else if (strstr(rest, "丁目")) {
		return false; /* 四丁目 and the like: not judged */
	}
	char runs[STORE_CHOME_MAX * 8];
	chome_runs(chome, count, runs, sizeof runs);
	/* L10N: the first %s is a town (芝公園), the second its 丁目 as
	 * numbers and runs (1–4, or 1–3, 5). */
	snprintf(msg, n,
	         _("The town data divides %s into 丁目 %s: please check that the address has the "
	           "right 丁目."),
	         a->box_place.town, runs);
	return true;
}
