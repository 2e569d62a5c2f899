/*
 * Private to `yorisoi stats` (tui/cli/stats.c): the numbers of a date
 * range, and their two forms, a table for people and a tidy CSV.
 */
#ifndef YORISOI_TUI_CLI_STATS_REPORT_H
#define YORISOI_TUI_CLI_STATS_REPORT_H

#include <stdio.h>

#include "engine/engine.h"
#include "store/store.h"

/* The national KSI target: minutes per procedure. */
enum { STATS_TARGET_MINUTES = 5 };

typedef struct stats_report {
	char from[11], to[11];
	long visits, card_reads, demo_card_reads, pin_blocks_avoided;
	store_stats_application *apps; /* sorted by form id, then language */
	size_t napps;
	const form_set *forms; /* for the questions' Japanese labels; may be NULL */
} stats_report;

void stats_print_table(const stats_report *r, FILE *to);
void stats_print_csv(const stats_report *r, FILE *to);

#endif
