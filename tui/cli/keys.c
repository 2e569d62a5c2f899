/*
 * `yorisoi keys`: the keys of the handoff code (docs/handoff-format.md,
 * "Keys").
 *
 *   keys init [--name NAME] [--file FILE]    create this desk's signing key
 *   keys show [--file FILE]                  desk id, name and fingerprint
 *   keys export [--file FILE]                the public key, for the counter
 *   keys city-init SECRET PUBLIC [--name N]  a city's box key pair (city hall)
 *   keys city-import FILE                    seal this desk's codes to a city
 *
 * The desk secret key lives in $XDG_DATA_HOME/yorisoi/desk.key (mode 0600)
 * and is never printed.
 */
#include "handoff/handoff.h"
#include "tui/cli/cli.h"
#include "tui/config.h"
#include "tui/files.h"
#include "tui/i18n.h"
#include "tui/paths.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { KEYS_FAIL = 1, KEYS_USAGE = 2 };

static void
keys_usage(FILE *to)
{
	fprintf(to, "%s",
	        _("Usage: yorisoi keys init [--name NAME] [--file FILE]\n"
	          "       yorisoi keys show [--file FILE]\n"
	          "       yorisoi keys export [--file FILE]\n"
	          "       yorisoi keys city-init SECRET-FILE PUBLIC-FILE [--name NAME]\n"
	          "       yorisoi keys city-import PUBLIC-FILE\n"));
}

static int
keys_fail(const handoff_error *err)
{
	switch (err->status) {
	case HANDOFF_ERR_KEY_EXISTS:
		fprintf(stderr, "%s",
		        _("This desk already has a key. It was not replaced: codes signed with it "
		          "would no longer be trusted by the counter.\n"));
		break;
	default:
		fprintf(stderr, "%s", _("The key could not be read or written.\n"));
		break;
	}
	/* L10N: %s is an English technical detail for the system administrator. */
	fprintf(stderr, _("Details: %s.\n"), err->detail);
	return KEYS_FAIL;
}

static void
print_identity(const handoff_desk_key *k, const char *path)
{
	char id[9], fp[80];
	handoff_keyid_hex(k->id, id);
	handoff_fingerprint(k->pk, fp);
	printf(_("Desk id: %s\n"), id);
	if (k->name[0])
		printf(_("Desk name: %s\n"), k->name);
	printf(_("Public key fingerprint: %s\n"), fp);
	printf(_("Secret key file: %s\n"), path);
}

/* Parses --name and --file for init, show and export. */
static int
parse_desk_opts(int argc, char **argv, const char **name, const char **file)
{
	static const struct option longopts[] = {{"name", required_argument, NULL, 'n'},
	                                         {"file", required_argument, NULL, 'f'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (!name)
				return -1;
			*name = optarg;
			break;
		case 'f':
			*file = optarg;
			break;
		default:
			return -1;
		}
	}
	return optind == argc ? 0 : -1;
}

static const char *
desk_path(const char *file, char *buf, size_t n, int create)
{
	if (file)
		return file;
	if (tui_path_in_data("desk.key", buf, n) != 0 ||
	    (create && tui_mkdir_p(tui_path_data_dir(), 0700) != 0))
		return NULL;
	return buf;
}

static int
keys_init(int argc, char **argv)
{
	/* without --name, the key carries the settings' site name */
	const char *name = tui_config_get()->site, *file = NULL, *path;
	char buf[4096];
	handoff_desk_key k;
	handoff_error err = {0};

	if (parse_desk_opts(argc, argv, &name, &file) != 0) {
		keys_usage(stderr);
		return KEYS_USAGE;
	}
	path = desk_path(file, buf, sizeof buf, 1);
	if (handoff_desk_key_create(path ? path : NULL, name, &k, &err) != HANDOFF_OK)
		return keys_fail(&err);
	printf("%s", _("A new desk key was created. Give the public key (yorisoi keys export) "
	               "to the city hall counters, so that they trust this desk's codes.\n"));
	print_identity(&k, path ? path : "");
	handoff_desk_key_wipe(&k);
	return 0;
}

static int
keys_show_or_export(int argc, char **argv, int export)
{
	const char *file = NULL, *path;
	char buf[4096];
	handoff_desk_key k;
	handoff_error err = {0};

	if (parse_desk_opts(argc, argv, NULL, &file) != 0) {
		keys_usage(stderr);
		return KEYS_USAGE;
	}
	path = desk_path(file, buf, sizeof buf, 0);
	if (!path || handoff_desk_key_load(path, &k, &err) != HANDOFF_OK) {
		fprintf(stderr, "%s",
		        _("This desk has no key yet. Create one with: yorisoi keys init --name "
		          "\"the desk's name\"\n"));
		if (err.detail[0])
			fprintf(stderr, _("Details: %s.\n"), err.detail);
		return KEYS_FAIL;
	}
	if (export) {
		handoff_pubkey pk;
		handoff_desk_key_public(&k, &pk);
		char *text = handoff_pubkey_export(&pk);
		fputs(text, stdout);
		free(text);
	} else {
		print_identity(&k, path);
	}
	handoff_desk_key_wipe(&k);
	return fflush(stdout) == 0 ? 0 : KEYS_FAIL;
}

static int
keys_city_init(int argc, char **argv)
{
	static const struct option longopts[] = {{"name", required_argument, NULL, 'n'},
	                                         {NULL, 0, NULL, 0}};
	const char *name = "";
	handoff_error err = {0};
	int c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 'n') {
			keys_usage(stderr);
			return KEYS_USAGE;
		}
		name = optarg;
	}
	if (argc - optind != 2) {
		keys_usage(stderr);
		return KEYS_USAGE;
	}
	if (handoff_city_key_create(argv[optind], argv[optind + 1], name, &err) != HANDOFF_OK)
		return keys_fail(&err);
	printf(_("The city's box key pair was created. Keep %s at the counter only; give %s "
	         "to the help desks (yorisoi keys city-import).\n"),
	       argv[optind], argv[optind + 1]);
	return 0;
}

static int
keys_city_import(int argc, char **argv)
{
	handoff_city_key k;
	handoff_error err = {0};
	char path[4096];
	FILE *fp;

	if (argc != 2) {
		keys_usage(stderr);
		return KEYS_USAGE;
	}
	if (handoff_city_key_load(argv[1], &k, &err) != HANDOFF_OK)
		return keys_fail(&err);
	if (tui_path_in_data("city-box.pub", path, sizeof path) != 0 ||
	    tui_mkdir_p(tui_path_data_dir(), 0700) != 0) {
		handoff_city_key_wipe(&k);
		snprintf(err.detail, sizeof err.detail, "cannot create the data folder");
		return keys_fail(&err);
	}
	char *text = handoff_city_public_export(&k);
	handoff_city_key_wipe(&k);
	fp = fopen(path, "w");
	if (!fp || fputs(text, fp) < 0 || fclose(fp) != 0) {
		fprintf(stderr, _("Cannot write %s: %s\n"), path, strerror(errno));
		free(text);
		return KEYS_FAIL;
	}
	free(text);
	printf(_("From now on, this desk's codes are sealed to the city key in %s.\n"), path);
	return 0;
}

int
cli_keys(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		keys_usage(stdout);
		return EXIT_OK;
	}
	if (argc < 2) {
		keys_usage(stderr);
		return KEYS_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		keys_usage(stdout);
		return 0;
	}
	optind = 0;
	if (strcmp(argv[1], "init") == 0)
		return keys_init(argc - 1, argv + 1);
	if (strcmp(argv[1], "show") == 0)
		return keys_show_or_export(argc - 1, argv + 1, 0);
	if (strcmp(argv[1], "export") == 0)
		return keys_show_or_export(argc - 1, argv + 1, 1);
	if (strcmp(argv[1], "city-init") == 0)
		return keys_city_init(argc - 1, argv + 1);
	if (strcmp(argv[1], "city-import") == 0)
		return keys_city_import(argc - 1, argv + 1);
	fprintf(stderr, _("yorisoi keys: unknown action \"%s\"\n"), argv[1]);
	keys_usage(stderr);
	return KEYS_USAGE;
}
