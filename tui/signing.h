/*
 * This desk's keys for the handoff code, found where tui/paths.h says: the
 * desk's signing key (desk.key, made on first use: a new desk signs from
 * its first code, and `yorisoi keys export` gives the city its public
 * half) and the city's sealing key (city-box.pub), when one was imported.
 */
#ifndef YORISOI_TUI_SIGNING_H
#define YORISOI_TUI_SIGNING_H

#include <stddef.h>

#include "handoff/handoff.h"

/*
 * Loads the desk key from desk_file (NULL: this desk's, made when there is
 * none) and the city key to seal to from seal_file (NULL: the imported
 * one, if any; *sealed says whether there is one). Returns 0, or -1 with
 * one translated sentence and an English detail in msg. The keys are
 * wiped with handoff_*_key_wipe by the caller.
 */
int tui_signing_load(const char *desk_file, const char *seal_file, handoff_desk_key *desk,
                     handoff_city_key *city, int *sealed, char *msg, size_t msglen);

/*
 * The console's codes: the answers signed with this desk's key and sealed
 * when a city key is installed, as Base45 texts of at most max_version
 * each (1..40): one code, or parts when one is not enough. Returns
 * HANDOFF_OK with *out filled (handoff_codes_free), or the status with err.
 */
handoff_status tui_signing_encode(const answers *a, const char *lang, int max_version,
                                  handoff_codes *out, handoff_error *err);

#endif
