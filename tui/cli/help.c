/* --help anywhere after a command word (see cli.h). */
#include "tui/cli/cli.h"

#include <string.h>

bool
cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false; /* what follows is a file name */
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}
