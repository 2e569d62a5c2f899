/*
 * What the console records for the programme's numbers (store.h,
 * "Statistics"): visits, applications and how far they got, their time and
 * keystrokes, card reads, PIN blocks avoided. Every function here is safe
 * to call when the statistics file could not be opened, and a failed write
 * is dropped: counting never disturbs a visit.
 *
 * Durations use a clock that only tests set: YORISOI_CLOCK_FILE names a
 * file holding a number of seconds, read each time the clock is asked
 * (tests write a larger number to let time pass). Without it, the
 * monotonic clock. Only whole seconds of difference are kept, never a
 * time of day.
 */
#ifndef YORISOI_TUI_VISIT_STATS_H
#define YORISOI_TUI_VISIT_STATS_H

#include <stdbool.h>

struct app;

/* Opens the statistics file: stats.db in the drafts file's folder. */
void visit_stats_open(struct app *a);
void visit_stats_close(struct app *a);

/* Something happened for a resident: the visit counts when it ends. */
void visit_stats_visit_touch(struct app *a);
/* The visit ended: counted once if anything happened in it. */
void visit_stats_visit_end(struct app *a);

/* An application opened (resumed: a saved draft) for a->form. */
void visit_stats_app_begin(struct app *a, bool resumed);
/* n keys pressed (typed characters and Enter in plain mode). */
void visit_stats_keys(struct app *a, int n);
/* The handoff code was made; the resident took it (Done). */
void visit_stats_app_completed(struct app *a);
void visit_stats_app_handed_off(struct app *a);
/* The application leaves memory: its row is written. */
void visit_stats_app_end(struct app *a);

/* A card read and confirmed (demo: the demo card). */
void visit_stats_card_read(struct app *a, bool demo);
/* The last-try confirmation answered "no": no PIN was sent. */
void visit_stats_pin_block_avoided(struct app *a);

#endif
