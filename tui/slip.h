/*
 * The printed slip, assembled in one place for the console's S key and
 * `yorisoi handoff slip`: the code signed with this desk's key (sealed when
 * a city key is installed), the clerk's part in Japanese from the form's
 * terms, the resident's answers in their language, and what to bring.
 */
#ifndef YORISOI_TUI_SLIP_H
#define YORISOI_TUI_SLIP_H

#include <stddef.h>

#include "engine/engine.h"
#include "handoff/handoff.h"

#define TUI_SLIP_MAX_BRING 16

typedef struct tui_slip_job {
	const char *pdf;       /* required */
	const char *png;       /* or NULL */
	const char *printer;   /* CUPS queue, or NULL: do not print */
	const char *desk_file; /* NULL: this desk's key */
	const char *seal_file; /* NULL: the imported city key, if any */
	handoff_paper paper;
	const char *bring[TUI_SLIP_MAX_BRING]; /* none: the usual three */
	size_t nbring;
} tui_slip_job;

/*
 * Makes the slip for finished answers; the resident's part is in `lang`
 * (the gettext language is switched for the duration and restored).
 * Returns 0, or -1 with one translated sentence for the user in msg.
 */
int tui_slip_make(const answers *a, const char *lang, const tui_slip_job *job, char *msg,
                  size_t msglen);

/* "a4" or "receipt" (80 mm) as a paper; -1 for anything else. */
int tui_slip_paper(const char *name, handoff_paper *out);

#endif
