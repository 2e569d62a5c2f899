/* Fuzzer seed files made from a persona (cardio/sim/dump.c). */
#ifndef YORISOI_CARDSIM_DUMP_H
#define YORISOI_CARDSIM_DUMP_H

#include <stddef.h>

/* Writes EF 0002 to ef0002_path and/or the recorded answers of a read to
 * answers_path (either may be NULL). Returns 0, or -1 with why. */
int sim_dump(const char *persona_text, const char *ef0002_path, const char *answers_path, char *why,
             size_t whylen);

#endif
