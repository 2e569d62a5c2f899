/*
 * `yorisoi counter`: the clerk's station (docs/counter-guide.md). It waits
 * for scans — a USB scanner typing the code and Enter (keyboard wedge), or
 * lines from a serial port or file — joins the parts of a slip in any
 * order, verifies them, and shows the application in the form's Japanese
 * terms with the desk that made it. Characters outside JIS X 0208 are
 * marked for the clerk to confirm or correct; then Enter accepts the
 * application into the export folder (once per code), P prints the
 * filled-in official form, and N clears everything for the next resident.
 */
#ifndef YORISOI_TUI_COUNTER_STATION_H
#define YORISOI_TUI_COUNTER_STATION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "engine/engine.h"
#include "handoff/handoff.h"
#include "tui/console/textinput.h"
#include "tui/counter/export.h"
#include "tui/jis.h"

typedef struct station_opts {
	const char *export_dir;
	bool csv;
	const char *printer; /* NULL: P saves the PDF into the export folder */
	const char *device;  /* serial port or file read line by line, or NULL */
	const char **keys;   /* --key files; none: this computer's trusted keys */
	size_t nkeys;
	const char *city_file;
} station_opts;

/* Runs the station until F10; returns the exit status. */
int station_run(const station_opts *o);

/* ---- private to tui/counter/ ------------------------------------------- */

#define STATION_MAX_SCANS 16 /* the format's most parts */

typedef enum station_mode { MODE_WAIT, MODE_SHOW, MODE_EDIT } station_mode;

typedef struct station {
	const station_opts *o;
	form_set *forms;
	handoff_keyring kr;
	handoff_city_key city;
	bool have_city;

	char typed[4096]; /* what the scanner (or the clerk) has typed so far */
	size_t ntyped;
	char *scans[STATION_MAX_SCANS]; /* parts read, not yet a whole application */
	size_t nscans;

	station_mode mode;
	answers *a; /* the application shown */
	char *lang;
	handoff_origin origin;
	char id[EXPORT_ID_LEN + 1];
	jis_mark *marks;
	size_t nmarks;
	bool *confirmed;
	export_correction *corrections;
	size_t ncorrections;
	char **related;
	size_t nrelated;
	bool accepted;
	bool pdf_saved; /* P saved <id>.pdf in the export folder */
	int scroll;
	int editing; /* the mark being checked in MODE_EDIT */
	textinput edit;

	char message[2048];
	bool message_is_error;
} station;

/* station_draw.c */
void station_draw(station *s);
/* The rows of the application as the screen lists them; malloc'd. */
int station_body_lines(const station *s, char ***out, int **marked);

#endif
