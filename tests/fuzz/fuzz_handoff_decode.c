/* libFuzzer target: whatever a scanner types, the counter-side decoder
 * answers with a typed error or valid answers, never a crash. The input is
 * split into lines, one scan each (a multi-part code comes as several). The
 * test desk and city keys are trusted and unsigned codes allowed, so that
 * mutated inputs reach every layer: armour, parts, seal, signature,
 * DEFLATE and the serialisation. Seeds: tests/fuzz/corpus/handoff_decode. */
#include "engine/engine.h"
#include "handoff/handoff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static form_set *forms;
static handoff_keyring ring;
static handoff_city_key city;

static void
setup(void)
{
	if (form_set_load_dir("forms", &forms, NULL, NULL) < 0)
		abort();
	if (handoff_keyring_add_file(&ring, "tests/data/keys/desk-test.pub", NULL) != HANDOFF_OK ||
	    handoff_city_key_load("tests/data/keys/city-test.key", &city, NULL) != HANDOFF_OK)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *scans[32];
	size_t n = 0;

	if (!forms)
		setup();
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (char *p = text; p && n < sizeof scans / sizeof *scans;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		scans[n++] = p;
		p = nl ? nl + 1 : NULL;
	}
	answers *a = NULL;
	char *lang = NULL;
	handoff_error err;
	handoff_origin origin;
	handoff_verify v = {&ring, &city, 1};
	if (handoff_decode_with(scans, n, forms, &v, &a, &lang, &origin, &err) == HANDOFF_OK) {
		char *json = answers_to_json(a, lang);
		free(json);
		size_t nrows;
		handoff_row *rows = handoff_summary_rows(a, &nrows);
		handoff_summary_free(rows, nrows);
	}
	answers_free(a);
	free(lang);
	free(text);
	return 0;
}
