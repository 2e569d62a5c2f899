/*
 * Where a postal code gives the start of an address, for the keystroke
 * benchmark: the console fills the prefecture, city and town of a code
 * typed into an address question (postal-lookup=), and the resident types
 * the rest. Read from the postal table the console's postal.db is built
 * from (data/postal/postal.tsv.gz, Japan Post's codes).
 */
#ifndef YORISOI_BENCH_POSTAL_STARTS_H
#define YORISOI_BENCH_POSTAL_STARTS_H

#include <stddef.h>

/* Loads the table; -1 (with a message on stderr) when it cannot. */
int postal_starts_load(const char *tsv_gz);
void postal_starts_done(void);

/* The longest start of address that one place of a code stands for
 * (prefecture + city + town, as Japan Post writes them): its length in
 * bytes, 0 when no place starts the address. *places: how many places
 * that code covers, *index: this place's position among them (0-based),
 * the order in which the console lists them. */
size_t postal_start_of(const char *address, int *places, int *index);

/* How many places a postal code (7 digits, as answered) covers; 0 when
 * it is not in the table. */
int postal_places_of_code(const char *code);

#endif
