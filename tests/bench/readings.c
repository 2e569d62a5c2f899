/*
 * How often the console's reading suggestion (tui/reading.h) is right, on
 * a list of real Japanese names with their usual readings
 * (tests/data/names/ja-names.tsv: kind, written, reading). A suggestion
 * is right when it is the reading exactly; none at all is counted apart,
 * since the resident then types as before. Prints figures only.
 */
#include "tui/reading.h"

#include <stdio.h>
#include <string.h>

typedef struct tally {
	const char *kind;
	int names, right, wrong, none;
} tally;

int
main(int argc, char **argv)
{
	FILE *fp = fopen(argc > 1 ? argv[1] : "tests/data/names/ja-names.tsv", "r");
	tally t[] = {{"family", 0, 0, 0, 0}, {"given", 0, 0, 0, 0}, {"full", 0, 0, 0, 0}};
	char line[512], got[192];
	bool verbose = argc > 2 && strcmp(argv[2], "-v") == 0;
	if (!fp) {
		perror("readings");
		return 1;
	}
	while (fgets(line, sizeof line, fp)) {
		char *kind = strtok(line, "\t\n"), *written = strtok(NULL, "\t\n"),
		     *want = strtok(NULL, "\t\n");
		if (!kind || kind[0] == '#' || !written || !want)
			continue;
		for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
			if (strcmp(t[i].kind, kind) != 0)
				continue;
			t[i].names++;
			if (!reading_suggest(written, got, sizeof got)) {
				t[i].none++;
			} else if (strcmp(got, want) == 0) {
				t[i].right++;
			} else {
				t[i].wrong++;
				if (verbose)
					printf("  %s: %s, usually %s\n", written, got, want);
			}
		}
	}
	fclose(fp);
	reading_done();
	printf("%-8s %6s %7s %7s %7s\n", "names", "count", "right", "wrong", "none");
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (t[i].names)
			printf("%-8s %6d %6.0f%% %6.0f%% %6.0f%%\n", t[i].kind, t[i].names,
			       100.0 * t[i].right / t[i].names, 100.0 * t[i].wrong / t[i].names,
			       100.0 * t[i].none / t[i].names);
	return 0;
}
