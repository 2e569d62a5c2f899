/* PLACEHOLDER — being written by the module's owner this session; replace entirely. */
#include "tui/commands.h"
#include <stdio.h>
int
cmd_handoff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "not built yet\n");
	return 1;
}
