/* libFuzzer target: whatever a scanner types, the counter-side decoder
 * answers with a typed error or valid answers, never a crash. */
#include "engine/engine.h"
#include "handoff/handoff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static form_set *forms;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!forms && form_set_load_dir("forms", &forms, NULL, NULL) < 0)
		abort();
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	answers *a = NULL;
	char *lang = NULL;
	handoff_error err;
	if (handoff_decode(text, forms, &a, &lang, &err) == HANDOFF_OK) {
		char *json = answers_to_json(a, lang);
		free(json);
	}
	answers_free(a);
	free(lang);
	free(text);
	return 0;
}
