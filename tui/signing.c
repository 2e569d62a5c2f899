/* This desk's keys for the handoff code (see signing.h). */
#include "tui/signing.h"
#include "tui/config.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* This desk's key file, made (folder 0700, file 0600) when there is none. */
static handoff_status
default_desk_key(handoff_desk_key *k, handoff_error *err)
{
	char path[PATH_MAX];
	if (tui_path_in_data("desk.key", path, sizeof path) != 0) {
		snprintf(err->detail, sizeof err->detail, "there is no home folder for the key");
		return HANDOFF_ERR_KEYFILE;
	}
	if (access(path, F_OK) != 0) {
		if (tui_mkdir_p(tui_path_data_dir(), 0700) != 0) {
			snprintf(err->detail, sizeof err->detail, "cannot create %s",
			         tui_path_data_dir());
			return HANDOFF_ERR_KEYFILE;
		}
		handoff_status st = handoff_desk_key_create(path, "", k, err);
		if (st != HANDOFF_ERR_KEY_EXISTS) /* else another process was first */
			return st;
	}
	return handoff_desk_key_load(path, k, err);
}

/* The city's key to seal to: the settings' city_key, else the key that
 * `yorisoi keys city-import` put in the data folder; NULL when neither. */
static const char *
city_key_file(char *path, size_t n)
{
	const char *configured = tui_config_get()->city_key;
	if (configured[0])
		return configured;
	if (tui_path_in_data("city-box.pub", path, n) == 0 && access(path, F_OK) == 0)
		return path;
	return NULL;
}

int
tui_signing_load(const char *desk_file, const char *seal_file, handoff_desk_key *desk,
                 handoff_city_key *city, int *sealed, char *msg, size_t msglen)
{
	handoff_error err = {0};
	char path[PATH_MAX];
	handoff_status st;

	*sealed = 0;
	st = desk_file ? handoff_desk_key_load(desk_file, desk, &err)
	               : default_desk_key(desk, &err);
	if (st != HANDOFF_OK) {
		/* L10N: %s is an English detail, such as a file name and its problem. */
		snprintf(msg, msglen, _("The desk key cannot be read, so no code was made (%s)."),
		         err.detail);
		return -1;
	}
	if (!seal_file)
		seal_file = city_key_file(path, sizeof path);
	if (seal_file) {
		if (handoff_city_key_load(seal_file, city, &err) != HANDOFF_OK) {
			snprintf(msg, msglen,
			         _("The city's key cannot be read, so no code was made (%s)."),
			         err.detail);
			handoff_desk_key_wipe(desk);
			return -1;
		}
		*sealed = 1;
	}
	return 0;
}

handoff_status
tui_signing_encode(const answers *a, const char *lang, int max_version, handoff_codes *out,
                   handoff_error *err)
{
	handoff_desk_key desk;
	handoff_city_key city = {0};
	handoff_encode_opts o = {&desk, NULL, HANDOFF_ARMOUR_BASE45, max_version, NULL};
	char path[PATH_MAX];
	handoff_status st;

	memset(out, 0, sizeof *out);
	if ((st = default_desk_key(&desk, err)) != HANDOFF_OK)
		return st;
	const char *seal = city_key_file(path, sizeof path);
	if (seal) {
		if ((st = handoff_city_key_load(seal, &city, err)) != HANDOFF_OK)
			goto out;
		o.city_pk = city.pk;
	}
	st = handoff_encode_with(a, lang, &o, out, err);
out:
	handoff_desk_key_wipe(&desk);
	handoff_city_key_wipe(&city);
	return st;
}
