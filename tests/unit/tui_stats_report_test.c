/* tui/cli: `yorisoi stats` output from a known list of applications: the
 * grouping, the medians of even counts, the stops, and the CSV exactly. */
#include "tests/unit/test.h"
#include "tui/cli/stats_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
csv_of(const stats_report *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	if (!fp)
		return NULL;
	stats_print_csv(r, fp);
	fclose(fp);
	return buf;
}

#define APP(f, l, res, comp, hand, secs, keys, stop)                                               \
	{                                                                                          \
		.day = "2026-04-01", .form_id = f, .lang = l, .resumed = res, .completed = comp,   \
		.handed_off = hand, .seconds = secs, .keystrokes = keys, .stopped_at = stop        \
	}

TEST(stats_csv_groups_medians_and_stops)
{
	/* sorted as store_stats_applications returns them: form id, language */
	store_stats_application apps[] = {
	        APP("juminhyo", "en", false, true, true, 200, 30, ""),
	        APP("juminhyo", "en", true, true, true, 999, 99, ""), /* resumed: not timed */
	        APP("juminhyo", "vi", false, true, false, 300, 41, ""),
	        APP("juminhyo", "vi", false, false, false, 50, 5, "phone"),
	        APP("tennyu", "ne", false, false, false, 60, 4, "name"),
	        APP("tennyu", "ne", false, false, false, 70, 6, "review"),
	        APP("tennyu", "ne", false, false, false, 80, 8, "name"),
	};
	stats_report r = {.from = "2026-04-01",
	                  .to = "2026-04-30",
	                  .visits = 6,
	                  .card_reads = 2,
	                  .pin_blocks_avoided = 1,
	                  .apps = apps,
	                  .napps = sizeof apps / sizeof apps[0]};
	char *got = csv_of(&r);
	const char *want = "from,to,measure,procedure,language,question,value\n"
	                   "2026-04-01,2026-04-30,visits,,,,6\n"
	                   "2026-04-01,2026-04-30,card_reads,,,,2\n"
	                   "2026-04-01,2026-04-30,demo_card_reads,,,,0\n"
	                   "2026-04-01,2026-04-30,pin_blocks_avoided,,,,1\n"
	                   "2026-04-01,2026-04-30,started,juminhyo,en,,1\n"
	                   "2026-04-01,2026-04-30,resumed,juminhyo,en,,1\n"
	                   "2026-04-01,2026-04-30,completed,juminhyo,en,,2\n"
	                   "2026-04-01,2026-04-30,handed_off,juminhyo,en,,2\n"
	                   "2026-04-01,2026-04-30,started,juminhyo,vi,,2\n"
	                   "2026-04-01,2026-04-30,resumed,juminhyo,vi,,0\n"
	                   "2026-04-01,2026-04-30,completed,juminhyo,vi,,1\n"
	                   "2026-04-01,2026-04-30,handed_off,juminhyo,vi,,0\n"
	                   "2026-04-01,2026-04-30,started,tennyu,ne,,3\n"
	                   "2026-04-01,2026-04-30,resumed,tennyu,ne,,0\n"
	                   "2026-04-01,2026-04-30,completed,tennyu,ne,,0\n"
	                   "2026-04-01,2026-04-30,handed_off,tennyu,ne,,0\n"
	                   "2026-04-01,2026-04-30,timed_applications,juminhyo,,,2\n"
	                   "2026-04-01,2026-04-30,minutes_target,juminhyo,,,5\n"
	                   /* (200 + 300) / 2 s = 4.1666 min; p90 of 2 is the 2nd */
	                   "2026-04-01,2026-04-30,minutes_median,juminhyo,,,4.2\n"
	                   "2026-04-01,2026-04-30,minutes_p90,juminhyo,,,5.0\n"
	                   "2026-04-01,2026-04-30,keystrokes_median,juminhyo,,,35.5\n"
	                   "2026-04-01,2026-04-30,stopped,juminhyo,,phone,1\n"
	                   "2026-04-01,2026-04-30,timed_applications,tennyu,,,0\n"
	                   "2026-04-01,2026-04-30,minutes_target,tennyu,,,5\n"
	                   "2026-04-01,2026-04-30,stopped,tennyu,,name,2\n"
	                   "2026-04-01,2026-04-30,stopped,tennyu,,review,1\n";
	CHECK_STR(got, want);
	free(got);
}

/* No applications at all: the desk-wide counts and nothing else. */
TEST(stats_csv_of_an_empty_range)
{
	stats_report r = {.from = "2026-04-02", .to = "2026-04-02"};
	char *got = csv_of(&r);
	CHECK_STR(got, "from,to,measure,procedure,language,question,value\n"
	               "2026-04-02,2026-04-02,visits,,,,0\n"
	               "2026-04-02,2026-04-02,card_reads,,,,0\n"
	               "2026-04-02,2026-04-02,demo_card_reads,,,,0\n"
	               "2026-04-02,2026-04-02,pin_blocks_avoided,,,,0\n");
	free(got);
}
