/*
 * Dates: Gregorian and Japanese-era input, exact era boundaries (both
 * readings of the two shared days), 元年, invalid days, full-width input,
 * and era output.
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

/* date_parse(in) must give ANSWER_OK and the ISO date want. */
static int
parses(const char *in, const char *want)
{
	char iso[16] = "";
	answer_status st = date_parse(in, iso, sizeof iso);
	if (st != ANSWER_OK || strcmp(iso, want) != 0) {
		fprintf(stderr, "    \"%s\": status %s, \"%s\", want \"%s\"\n", in,
		        answer_status_name(st), iso, want);
		return 0;
	}
	return 1;
}

static int
fails(const char *in, answer_status want)
{
	char iso[16] = "";
	answer_status st = date_parse(in, iso, sizeof iso);
	if (st != want) {
		fprintf(stderr, "    \"%s\": status %s, want %s\n", in, answer_status_name(st),
		        answer_status_name(want));
		return 0;
	}
	return 1;
}

static int
formats(const char *iso, const char *want)
{
	char out[64] = "";
	if (date_format_era(iso, out, sizeof out) != 0 || strcmp(out, want) != 0) {
		fprintf(stderr, "    %s -> \"%s\", want \"%s\"\n", iso, out, want);
		return 0;
	}
	return 1;
}

TEST(gregorian_forms)
{
	CHECK(parses("2025-04-01", "2025-04-01"));
	CHECK(parses("2025/4/1", "2025-04-01"));
	CHECK(parses("2025.4.1", "2025-04-01"));
	CHECK(parses("2025年4月1日", "2025-04-01"));
	CHECK(parses("2025年 4月 1日", "2025-04-01"));
	CHECK(parses("2025年4月1", "2025-04-01"));
	CHECK(parses("20250401", "2025-04-01"));
	CHECK(parses("  2025-4-1  ", "2025-04-01"));
	CHECK(parses("２０２５年４月１日", "2025-04-01"));
	CHECK(parses("２０２５／０４／０１", "2025-04-01"));
	CHECK(parses("２０２５－０４－０１", "2025-04-01"));
	CHECK(parses("　２０２５．４．１　", "2025-04-01"));
	CHECK(parses("２０２５０４０１", "2025-04-01"));
}

TEST(gregorian_invalid)
{
	CHECK(fails("2023-02-29", ANSWER_ERR_DATE_INVALID));
	CHECK(parses("2024-02-29", "2024-02-29"));
	CHECK(fails("1900-02-29", ANSWER_ERR_DATE_INVALID));
	CHECK(parses("2000-02-29", "2000-02-29"));
	CHECK(fails("2025-04-31", ANSWER_ERR_DATE_INVALID));
	CHECK(fails("2025-13-01", ANSWER_ERR_DATE_INVALID));
	CHECK(fails("2025-00-10", ANSWER_ERR_DATE_INVALID));
	CHECK(fails("2025-01-00", ANSWER_ERR_DATE_INVALID));
	CHECK(fails("2月30日", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("20230229", ANSWER_ERR_DATE_INVALID));
	CHECK(fails("0999-01-01", ANSWER_ERR_DATE_INVALID));
}

TEST(unreadable)
{
	CHECK(fails("", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("tomorrow", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("25/4/1", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("2025-4", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("2025-4-1-", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("2025-4-1 12:00", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("2025-004-01", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("202504011", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("昭和", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("昭和20年", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("X20.4.1", ANSWER_ERR_DATE_FORMAT));
	CHECK(fails("S123.4.1", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("S12345.4.1", ANSWER_ERR_DATE_FORMAT));
	CHECK(parses("令和100年1月1日", "2118-01-01"));
	CHECK(fails("\xff", ANSWER_ERR_BAD_UTF8));
	CHECK(fails(NULL, ANSWER_ERR_DATE_FORMAT));
	char small[8];
	CHECK_INT(date_parse("2025-04-01", small, sizeof small), ANSWER_ERR_DATE_FORMAT);
}

TEST(era_forms)
{
	CHECK(parses("昭和20年4月1日", "1945-04-01"));
	CHECK(parses("S20.4.1", "1945-04-01"));
	CHECK(parses("s20.4.1", "1945-04-01"));
	CHECK(parses("S20/4/1", "1945-04-01"));
	CHECK(parses("S20-4-1", "1945-04-01"));
	CHECK(parses("昭20.4.1", "1945-04-01"));
	CHECK(parses("R7/1/2", "2025-01-02"));
	CHECK(parses("r7.1.2", "2025-01-02"));
	CHECK(parses("令和7年1月2日", "2025-01-02"));
	CHECK(parses("令和 7年 1月 2日", "2025-01-02"));
	CHECK(parses("Ｈ１２．３．４", "2000-03-04"));
	CHECK(parses("平成１２年３月４日", "2000-03-04"));
	CHECK(parses("ｓ６４．１．７", "1989-01-07"));
	CHECK(parses("T1.7.30", "1912-07-30"));
	CHECK(parses("M45.7.30", "1912-07-30"));
}

TEST(gannen)
{
	CHECK(parses("令和元年5月1日", "2019-05-01"));
	CHECK(parses("令和1年5月1日", "2019-05-01"));
	CHECK(parses("R元.5.1", "2019-05-01"));
	CHECK(parses("平成元年1月8日", "1989-01-08"));
	CHECK(parses("昭和元年12月25日", "1926-12-25"));
	CHECK(parses("大正元年7月30日", "1912-07-30"));
	CHECK(fails("令和0年5月1日", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("令和元年4月30日", ANSWER_ERR_ERA_RANGE));
}

TEST(era_boundaries_both_sides)
{
	/* 明治 / 大正: 1912-07-30 belongs to both. */
	CHECK(parses("明治45年7月29日", "1912-07-29"));
	CHECK(parses("明治45年7月30日", "1912-07-30"));
	CHECK(fails("明治45年7月31日", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("大正元年7月29日", ANSWER_ERR_ERA_RANGE));
	CHECK(parses("大正元年7月30日", "1912-07-30"));
	/* 大正 / 昭和: 1926-12-25 belongs to both. */
	CHECK(parses("大正15年12月24日", "1926-12-24"));
	CHECK(parses("大正15年12月25日", "1926-12-25"));
	CHECK(fails("大正15年12月26日", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("昭和元年12月24日", ANSWER_ERR_ERA_RANGE));
	CHECK(parses("昭和元年12月25日", "1926-12-25"));
	/* 昭和 / 平成: no shared day. */
	CHECK(parses("昭和64年1月7日", "1989-01-07"));
	CHECK(fails("昭和64年1月8日", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("平成元年1月7日", ANSWER_ERR_ERA_RANGE));
	CHECK(parses("平成元年1月8日", "1989-01-08"));
	/* 平成 / 令和: no shared day. */
	CHECK(parses("平成31年4月30日", "2019-04-30"));
	CHECK(fails("平成31年5月1日", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("H31.5.1", ANSWER_ERR_ERA_RANGE));
	CHECK(parses("H31.4.30", "2019-04-30"));
	CHECK(fails("令和元年4月30日", ANSWER_ERR_ERA_RANGE));
	CHECK(parses("令和元年5月1日", "2019-05-01"));
	/* Years past the era's end. */
	CHECK(fails("昭和65年1月1日", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("平成32年1月1日", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("大正16年1月1日", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("明治46年1月1日", ANSWER_ERR_ERA_RANGE));
}

TEST(meiji_before_gregorian_calendar)
{
	/* Japan used the lunar calendar until 明治6年1月1日 = 1873-01-01. */
	CHECK(parses("明治6年1月1日", "1873-01-01"));
	CHECK(fails("明治5年12月2日", ANSWER_ERR_ERA_RANGE));
	CHECK(fails("明治元年1月1日", ANSWER_ERR_ERA_RANGE));
	CHECK(parses("1872-12-31", "1872-12-31"));
}

TEST(era_invalid_day_is_invalid_not_range)
{
	CHECK(fails("平成31年2月29日", ANSWER_ERR_DATE_INVALID));
	CHECK(parses("平成12年2月29日", "2000-02-29"));
	CHECK(fails("令和5年2月29日", ANSWER_ERR_DATE_INVALID));
	CHECK(fails("昭和20年4月31日", ANSWER_ERR_DATE_INVALID));
	CHECK(fails("S20.13.1", ANSWER_ERR_DATE_INVALID));
}

TEST(format_era)
{
	CHECK(formats("1945-04-01", "昭和20年4月1日"));
	CHECK(formats("2019-05-01", "令和元年5月1日"));
	CHECK(formats("2019-04-30", "平成31年4月30日"));
	CHECK(formats("1989-01-07", "昭和64年1月7日"));
	CHECK(formats("1989-01-08", "平成元年1月8日"));
	CHECK(formats("1926-12-25", "昭和元年12月25日")); /* the new era on the shared day */
	CHECK(formats("1926-12-24", "大正15年12月24日"));
	CHECK(formats("1912-07-30", "大正元年7月30日"));
	CHECK(formats("1912-07-29", "明治45年7月29日"));
	CHECK(formats("1873-01-01", "明治6年1月1日"));
	CHECK(formats("1872-12-31", "1872年12月31日"));
	CHECK(formats("2025-01-02", "令和7年1月2日"));
	char out[64], tiny[8];
	CHECK_INT(date_format_era("2025-02-30", out, sizeof out), -1);
	CHECK_INT(date_format_era("2025/01/02", out, sizeof out), -1);
	CHECK_INT(date_format_era("20250102", out, sizeof out), -1);
	CHECK_INT(date_format_era(NULL, out, sizeof out), -1);
	CHECK_INT(date_format_era("2025-01-02", tiny, sizeof tiny), -1);
}

TEST(round_trip_every_day_1873_to_2040)
{
	/* Every ISO date formats to an era string that parses back to it. */
	int bad = 0;
	for (int y = 1873; y <= 2040 && bad < 5; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= 31; d++) {
				char iso[40], era[64], back[16];
				snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
				if (date_format_era(iso, era, sizeof era) != 0)
					continue; /* no such day */
				if (date_parse(era, back, sizeof back) != ANSWER_OK ||
				    strcmp(back, iso) != 0) {
					fprintf(stderr, "    %s -> %s -> %s\n", iso, era, back);
					bad++;
				}
			}
	CHECK_INT(bad, 0);
}
