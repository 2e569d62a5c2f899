/*
 * What the commands that read scans share (handoff decode, handoff form,
 * counter): splitting what the scanner typed into codes, the keys the
 * counter trusts, and the clerk's sentence for each reason a code is
 * refused.
 */
#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/cli/cli.h"
#include "tui/cli/handoff.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Names the codes still to scan by their numbers on the slip ("Code 2 of 3"). */
static void
missing_parts(const handoff_origin *o, char *msg, size_t size)
{
	char list[128] = "";
	unsigned n = 0;
	for (size_t i = 0; i < o->parts_total && i < 32; i++) {
		if (!(o->parts_missing & (1u << i)))
			continue;
		size_t len = strlen(list);
		snprintf(list + len, sizeof list - len, "%s%zu", n ? ", " : "", i + 1);
		n++;
	}
	if (n == 0)
		return;
	size_t at = strlen(msg);
	/* L10N: %1$s is the numbers of the codes not scanned yet, such as "2" or
	 * "2, 3"; %2$zu how many codes the slip has. */
	snprintf(msg + at, size - at,
	         ngettext("Not scanned yet: code %1$s of %2$zu.\n",
	                  "Not scanned yet: codes %1$s of %2$zu.\n", n),
	         list, o->parts_total);
}

int
cli_scan_problem(const handoff_error *err, const handoff_origin *o, char *msg, size_t size)
{
	int rc;

	msg[0] = '\0';
	switch (err->status) {
	case HANDOFF_ERR_PREFIX:
		snprintf(msg, size, "%s",
		         _("This is not a Yorisoi handoff code. Please check that you "
		           "scanned the code printed on the Yorisoi slip.\n"));
		rc = EXIT_NOT_YORISOI;
		break;
	case HANDOFF_ERR_LOWERCASE:
		snprintf(msg, size, "%s",
		         _("The scanner sent lower-case letters, so the code cannot be "
		           "read. Please turn Caps Lock off, or set the scanner to keep "
		           "letter case, and scan again.\n"));
		rc = EXIT_LOWERCASE;
		break;
	case HANDOFF_ERR_ENCODING:
	case HANDOFF_ERR_CORRUPT:
		snprintf(msg, size, "%s",
		         _("The code was not read completely, or it is damaged. Please "
		           "scan it again. If this keeps happening, ask the resident "
		           "to print a new slip at the library.\n"));
		rc = EXIT_DAMAGED;
		break;
	case HANDOFF_ERR_VERSION:
		snprintf(msg, size, "%s",
		         _("This code was made by another version of Yorisoi than the "
		           "one at this counter. If the slip is from before the first "
		           "release, ask the resident to have it made again at the "
		           "library; otherwise ask for Yorisoi to be updated here.\n"));
		rc = EXIT_UNKNOWN;
		break;
	case HANDOFF_ERR_UNKNOWN_FORM:
		snprintf(msg, size, "%s",
		         _("This code is for a form, or a version of a form, that is "
		           "not installed at this counter. Please ask for the form "
		           "definitions to be updated.\n"));
		rc = EXIT_UNKNOWN;
		break;
	case HANDOFF_ERR_INVALID:
		snprintf(msg, size, "%s",
		         _("The code was read, but the answers in it do not pass the "
		           "form's checks. Please check the application with the "
		           "resident.\n"));
		rc = EXIT_INVALID;
		break;
	case HANDOFF_ERR_UNKNOWN_DESK: {
		char id[9];
		handoff_keyid_hex(o->key_id, id);
		/* L10N: %s is a desk id such as 1A2B3C4D. */
		snprintf(msg, size,
		         _("This code was made at a help desk that this counter does not know "
		           "(desk %s). Do not accept it until the desk's public key has been "
		           "checked and added to the trusted keys (--key FILE).\n"),
		         id);
		rc = EXIT_UNKNOWN_DESK;
		break;
	}
	case HANDOFF_ERR_SIGNATURE:
		snprintf(msg, size, "%s",
		         _("Warning: this code has been changed since the help desk made it: "
		           "its signature does not match. Do not accept it; ask the resident to "
		           "make a new slip at the library.\n"));
		rc = EXIT_ALTERED;
		break;
	case HANDOFF_ERR_SEALED:
		snprintf(msg, size, "%s",
		         _("This code is sealed to the city, and this counter has not been given "
		           "the city's key (--city-key FILE). Please ask the administrator.\n"));
		rc = EXIT_SEALED;
		break;
	case HANDOFF_ERR_UNSEAL:
		snprintf(msg, size, "%s",
		         _("This sealed code cannot be opened with the city key of this counter. "
		           "Either it was sealed for another city, or it is damaged or was "
		           "changed. Please scan it again; if that does not help, ask the "
		           "administrator.\n"));
		rc = EXIT_SEALED;
		break;
	case HANDOFF_ERR_UNSIGNED:
		snprintf(msg, size, "%s",
		         _("This code is not signed by a help desk, so its origin cannot be "
		           "checked. Do not accept it.\n"));
		rc = EXIT_UNSIGNED;
		break;
	case HANDOFF_ERR_PARTS:
		snprintf(msg, size,
		         ngettext("This application has %zu code, and not all of them were "
		                  "scanned. Please scan every code on the slip.\n",
		                  "This application has %zu codes, and not all of them were "
		                  "scanned. Please scan every code on the slip.\n",
		                  o->parts_total),
		         o->parts_total);
		missing_parts(o, msg, size);
		rc = EXIT_PARTS;
		break;
	case HANDOFF_ERR_PARTS_MIXED:
		snprintf(msg, size, "%s",
		         _("The codes scanned belong to different applications. Please scan "
		           "only the codes of one slip.\n"));
		rc = EXIT_PARTS;
		break;
	default:
		snprintf(msg, size, "%s", _("The code could not be read.\n"));
		rc = EXIT_OTHER;
		break;
	}
	return rc;
}

size_t
cli_split_scans(char *text, char ***out)
{
	size_t n = 0, cap = 4;
	char **v = malloc(cap * sizeof *v), *save = NULL;
	if (!v)
		abort();
	for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		size_t len = strlen(l);
		while (len > 0 && (l[len - 1] == '\r' || l[len - 1] == ' '))
			l[--len] = '\0';
		if (len == 0)
			continue;
		if (n == cap) {
			cap *= 2;
			v = realloc(v, cap * sizeof *v);
			if (!v)
				abort();
		}
		v[n++] = l;
	}
	*out = v;
	return n;
}

/*
 * The keys the counter trusts: every --key FILE; without any, the trusted
 * keys file of this computer ($XDG_DATA_HOME/yorisoi/trusted-keys) and this
 * computer's own desk key, if they exist (then a note says so, because a
 * counter should normally name its keys).
 */
int
cli_load_trust(const char *const *keys, size_t nkeys, const char *city_file, handoff_keyring *kr,
               handoff_city_key *city, int *have_city)
{
	handoff_error err = {0};
	char path[4096];

	for (size_t i = 0; i < nkeys; i++)
		if (handoff_keyring_add_file(kr, keys[i], &err) != HANDOFF_OK) {
			fprintf(stderr, _("The trusted keys in %s cannot be read.\n"), keys[i]);
			fprintf(stderr, _("Details: %s.\n"), err.detail);
			return EXIT_OTHER;
		}
	if (nkeys == 0) {
		handoff_desk_key own;
		if (tui_path_in_data("trusted-keys", path, sizeof path) == 0 &&
		    access(path, F_OK) == 0 &&
		    handoff_keyring_add_file(kr, path, &err) != HANDOFF_OK) {
			fprintf(stderr, _("The trusted keys in %s cannot be read.\n"), path);
			fprintf(stderr, _("Details: %s.\n"), err.detail);
			return EXIT_OTHER;
		}
		char own_path[4096];
		if (tui_path_in_data("desk.key", own_path, sizeof own_path) == 0 &&
		    handoff_desk_key_load(own_path, &own, NULL) == HANDOFF_OK) {
			handoff_pubkey pk;
			handoff_desk_key_public(&own, &pk);
			handoff_keyring_add(kr, &pk);
			handoff_desk_key_wipe(&own);
		}
	}
	*have_city = 0;
	if (!city_file && tui_path_in_data("city-box.key", path, sizeof path) == 0 &&
	    access(path, F_OK) == 0)
		city_file = path;
	if (city_file) {
		if (handoff_city_key_load(city_file, city, &err) != HANDOFF_OK || !city->has_sk) {
			fprintf(stderr, _("The city key in %s cannot be read.\n"), city_file);
			fprintf(stderr, _("Details: %s.\n"),
			        err.detail[0] ? err.detail : "no x25519-secret line");
			return EXIT_OTHER;
		}
		*have_city = 1;
	}
	return 0;
}
