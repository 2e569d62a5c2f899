/* Prints the unsigned code (flags 0) of an answers file, for the fuzz seed
 * corpus: unsigned seeds let mutations reach DEFLATE and the serialisation,
 * which a signature check would stop first. Built and run by
 * tests/fuzz/make_handoff_corpus.sh. Usage: handoff_unsigned_seed ANSWERS.json */
#include "engine/engine.h"
#include "handoff/handoff.h"

#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	static char json[1 << 16];
	form_set *forms = NULL;
	char *lang = NULL, why[256];
	FILE *fp = argc == 2 ? fopen(argv[1], "rb") : NULL;
	if (!fp || form_set_load_dir("forms", &forms, NULL, NULL) < 0)
		return 2;
	json[fread(json, 1, sizeof json - 1, fp)] = '\0';
	fclose(fp);
	answers *a = answers_from_json(json, forms, &lang, why, sizeof why);
	handoff_encode_opts o = {NULL, NULL, HANDOFF_ARMOUR_BASE45, 0, NULL};
	handoff_codes c = {0};
	handoff_error err;
	if (!a || handoff_encode_with(a, lang, &o, &c, &err) != HANDOFF_OK)
		return 1;
	for (size_t i = 0; i < c.n; i++)
		puts(c.text[i]);
	handoff_codes_free(&c);
	answers_free(a);
	free(lang);
	form_set_free(forms);
	return 0;
}
