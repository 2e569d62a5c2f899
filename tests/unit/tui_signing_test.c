/* tui: this desk's keys (tui/signing.h). The desk key is made on first use
 * (0600, in $XDG_DATA_HOME/yorisoi), reused after, and a city key imported
 * beside it seals the codes. */
#include "handoff/handoff.h"
#include "tests/unit/handoff_fixture.h"
#include "tests/unit/test.h"
#include "tui/paths.h"
#include "tui/signing.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static answers *
fixture(char **lang)
{
	char p[512], why[256];
	snprintf(p, sizeof p, "%s/answers/handoff_test_full.json", test_data_dir());
	char *json = test_read_file(p);
	if (!json)
		return NULL;
	answers *a = answers_from_json(json, hx_forms(), lang, why, sizeof why);
	free(json);
	return a;
}

/* Decodes trusting only the key in key_path. */
static handoff_status
decode_trusting(const char *text, const char *key_path)
{
	handoff_keyring kr = {0};
	handoff_desk_key k;
	handoff_pubkey pk;
	handoff_verify v = {&kr, NULL, 0};
	answers *back = NULL;
	handoff_error err;
	if (handoff_desk_key_load(key_path, &k, &err) != HANDOFF_OK)
		return err.status;
	handoff_desk_key_public(&k, &pk);
	handoff_keyring_add(&kr, &pk);
	handoff_desk_key_wipe(&k);
	handoff_status st = handoff_decode_with(&text, 1, hx_forms(), &v, &back, NULL, NULL, &err);
	if (back)
		answers_free(back);
	handoff_keyring_free(&kr);
	return st;
}

/* The console's code for paper: one code, as large as it needs. */
static handoff_status
encode_one(const answers *a, const char *lang, char **text, handoff_error *err)
{
	handoff_codes c;
	handoff_status st = tui_signing_encode(a, lang, 40, &c, err);
	*text = NULL;
	if (st == HANDOFF_OK && c.n == 1) {
		*text = c.text[0];
		c.text[0] = NULL;
	}
	handoff_codes_free(&c);
	return st;
}

TEST(desk_key_made_on_first_use_and_kept)
{
	char dir[] = "/tmp/yorisoi-xdg.XXXXXX", key[PATH_MAX], cmd[PATH_MAX * 2 + 32],
	     src[PATH_MAX], saved[PATH_MAX] = "";
	const char *old = getenv("XDG_DATA_HOME");
	int had = old != NULL;
	char *lang = NULL, *t1 = NULL, *t2 = NULL, *t3 = NULL;
	handoff_error err;
	struct stat st;

	if (had)
		snprintf(saved, sizeof saved, "%s", old);
	REQUIRE(mkdtemp(dir));
	setenv("XDG_DATA_HOME", dir, 1);
	tui_paths_init();
	answers *a = fixture(&lang);
	REQUIRE(a);
	CHECK_INT(encode_one(a, lang, &t1, &err), HANDOFF_OK);
	snprintf(key, sizeof key, "%s/yorisoi/desk.key", dir);
	CHECK(stat(key, &st) == 0 && (st.st_mode & 0777) == 0600);
	snprintf(cmd, sizeof cmd, "%s/yorisoi", dir);
	CHECK(stat(cmd, &st) == 0 && (st.st_mode & 0777) == 0700);
	CHECK_INT(encode_one(a, lang, &t2, &err), HANDOFF_OK);
	if (t1 && t2)
		CHECK_STR(t2, t1); /* the same key, the same code */
	CHECK_INT(decode_trusting(t1, key), HANDOFF_OK);
	/* an imported city key seals */
	snprintf(src, sizeof src, "%s/keys/city-test.pub", test_data_dir());
	snprintf(cmd, sizeof cmd, "cp '%s' '%s/yorisoi/city-box.pub'", src, dir);
	REQUIRE(system(cmd) == 0);
	CHECK_INT(encode_one(a, lang, &t3, &err), HANDOFF_OK);
	CHECK_INT(decode_trusting(t3, key), HANDOFF_ERR_SEALED);
	free(t1);
	free(t2);
	free(t3);
	free(lang);
	answers_free(a);
	if (had)
		setenv("XDG_DATA_HOME", saved, 1);
	else
		unsetenv("XDG_DATA_HOME");
	tui_paths_init();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
}

TEST(no_home_means_no_key_not_a_key_in_the_current_folder)
{
	const char *oh = getenv("HOME"), *ox = getenv("XDG_DATA_HOME");
	char home[PATH_MAX] = "", xdg[PATH_MAX] = "";
	if (oh)
		snprintf(home, sizeof home, "%s", oh);
	if (ox)
		snprintf(xdg, sizeof xdg, "%s", ox);
	setenv("HOME", "relative", 1);
	setenv("XDG_DATA_HOME", "relative", 1);
	tui_paths_init();
	/* root's home from the password database still counts as a home */
	if (tui_path_data_dir())
		CHECK(tui_path_data_dir()[0] == '/');
	if (oh)
		setenv("HOME", home, 1);
	if (ox)
		setenv("XDG_DATA_HOME", xdg, 1);
	else
		unsetenv("XDG_DATA_HOME");
	tui_paths_init();
}
