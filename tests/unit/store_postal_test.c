/* store: postal code to address, against the postal.db the build made
 * from data/postal/postal.tsv.gz (docs/postal.md). */
#include "store/store.h"
#include "tests/unit/test.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* $BUILD/postal.db when tests/run.sh names the build, else build/. */
static void
db_path(char *out, size_t n)
{
	const char *build = getenv("BUILD");
	snprintf(out, n, "%s/postal.db", build && build[0] ? build : "build");
}

static store_postal *
open_db(void)
{
	char path[PATH_MAX];
	store_postal *p = NULL;
	store_error err = {0};

	db_path(path, sizeof path);
	if (store_postal_open(path, &p, &err) != 0)
		fprintf(stderr, "    %s\n", err.detail);
	return p;
}

/* Looks code up; returns the count, or -1 on failure. */
static long
lookup(store_postal *p, const char *code, store_postal_place **v)
{
	size_t n;
	store_error err = {0};
	return store_postal_lookup(p, code, v, &n, &err) == 0 ? (long)n : -1;
}

TEST(postal_known_codes)
{
	store_postal *p = open_db();
	store_postal_place *v;
	REQUIRE(p);

	REQUIRE(lookup(p, "100-0001", &v) == 1);
	CHECK_STR(v[0].prefecture, "東京都");
	CHECK_STR(v[0].city, "千代田区");
	CHECK_STR(v[0].town, "千代田");
	CHECK_STR(v[0].prefecture_kana, "トウキョウト");
	CHECK_STR(v[0].town_kana, "チヨダ");
	CHECK_STR(v[0].office, "");
	free(v);

	/* A whole-city code: KEN_ALL's 以下に掲載がない場合 is an empty town. */
	REQUIRE(lookup(p, "0600000", &v) == 1);
	CHECK_STR(v[0].prefecture, "北海道");
	CHECK_STR(v[0].city, "札幌市中央区");
	CHECK_STR(v[0].town, "");
	free(v);

	REQUIRE(lookup(p, "060-0042", &v) == 1);
	CHECK_STR(v[0].town, "大通西");
	free(v);
	store_postal_close(p);
}

/* 452-0961 covers 66 towns of 清須市; the order is the data's and the
 * same on every call. */
TEST(postal_several_towns)
{
	store_postal *p = open_db();
	store_postal_place *v, *w;
	REQUIRE(p);

	REQUIRE(lookup(p, "452-0961", &v) == 66);
	CHECK_STR(v[0].prefecture, "愛知県");
	CHECK_STR(v[0].city, "清須市");
	CHECK_STR(v[0].town, "春日明河原");
	CHECK_STR(v[65].town, "春日蓮花寺前");
	REQUIRE(lookup(p, "4520961", &w) == 66);
	CHECK(memcmp(v, w, 66 * sizeof *v) == 0);
	free(v);
	free(w);

	/* Several cities of one prefecture: 950-0000, the wards of 新潟市. */
	REQUIRE(lookup(p, "950-0000", &v) == 6);
	CHECK_STR(v[0].city, "新潟市北区");
	CHECK_STR(v[5].city, "新潟市西蒲区");
	free(v);
	store_postal_close(p);
}

/* The three codes that span two prefectures, in local-government order. */
TEST(postal_two_prefectures)
{
	store_postal *p = open_db();
	store_postal_place *v;
	REQUIRE(p);

	REQUIRE(lookup(p, "498-0000", &v) == 2);
	CHECK_STR(v[0].prefecture, "愛知県");
	CHECK_STR(v[0].city, "弥富市");
	CHECK_STR(v[1].prefecture, "三重県");
	CHECK_STR(v[1].city, "桑名郡木曽岬町");
	free(v);
	REQUIRE(lookup(p, "618-0000", &v) == 2);
	CHECK_STR(v[0].prefecture, "京都府");
	CHECK_STR(v[1].prefecture, "大阪府");
	free(v);
	REQUIRE(lookup(p, "871-0000", &v) == 2);
	CHECK_STR(v[0].prefecture, "福岡県");
	CHECK_STR(v[1].prefecture, "大分県");
	free(v);
	store_postal_close(p);
}

/* KEN_ALL notes are not towns; the real place 一円 is. Large offices have
 * their own codes, with the office's name and street. */
TEST(postal_quirks)
{
	store_postal *p = open_db();
	store_postal_place *v;
	REQUIRE(p);

	REQUIRE(lookup(p, "409-0211", &v) == 1);
	CHECK_STR(v[0].city, "北都留郡小菅村");
	CHECK_STR(v[0].town, ""); /* was 小菅村の次に６６４番地以降がくる場合 */
	free(v);
	REQUIRE(lookup(p, "522-0317", &v) == 1);
	CHECK_STR(v[0].town, "一円");
	free(v);
	REQUIRE(lookup(p, "001-8501", &v) == 1);
	CHECK_STR(v[0].town, "北二十九条西");
	CHECK(v[0].office[0] != '\0');
	CHECK_STR(v[0].street, "２丁目１番１号");
	free(v);
	store_postal_close(p);
}

TEST(postal_input_forms)
{
	static const char *const same[] = {
	        "1000001",    "100-0001",    "１００－０００１", "１０００００１",
	        "〒100-0001", "〒 100-0001", " 100-0001　",      "100ー0001",
	        "100‐0001",   "100−0001",    "１００-0001",
	};
	store_postal *p = open_db();
	store_postal_place *v;
	char out[8];
	REQUIRE(p);

	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		CHECK(store_postal_normalize(same[i], out) == 0);
		CHECK_STR(out, "1000001");
		CHECK(lookup(p, same[i], &v) == 1);
		free(v);
	}
	store_postal_close(p);
}

TEST(postal_bad_input)
{
	static const char *const bad[] = {
	        "",          "100",       "100-001",  "10000011",       "100-00011",
	        "10-000001", "100--0001", "1000-001", "abc1234",        "100-0001x",
	        "100 0001",  "〒",        "-1000001", "１００－０００",
	};
	store_postal *p = open_db();
	store_postal_place *v = (store_postal_place *)1;
	size_t n = 99;
	store_error err = {0};
	char out[8];
	REQUIRE(p);

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		CHECK(store_postal_normalize(bad[i], out) == -1);
		CHECK(store_postal_lookup(p, bad[i], &v, &n, &err) == -1);
		CHECK(v == NULL);
		CHECK_INT(n, 0);
		CHECK_INT(err.status, STORE_ERR_NOT_FOUND);
		CHECK_STR(err.detail, "not a postal code");
	}
	CHECK(store_postal_normalize(NULL, out) == -1);
	CHECK(store_postal_lookup(p, NULL, &v, &n, &err) == -1);
	store_postal_close(p);
}

TEST(postal_unknown_code)
{
	store_postal *p = open_db();
	store_postal_place *v = (store_postal_place *)1;
	size_t n = 99;
	store_error err = {0};
	REQUIRE(p);

	CHECK(store_postal_lookup(p, "000-0000", &v, &n, &err) == 0);
	CHECK(v == NULL);
	CHECK_INT(n, 0);
	CHECK(store_postal_lookup(p, "999-9999", &v, &n, &err) == 0);
	CHECK_INT(n, 0);
	store_postal_close(p);
}

TEST(postal_missing_db)
{
	store_postal *p = (store_postal *)1;
	store_error err = {0};

	CHECK(store_postal_open("/nonexistent/yorisoi/postal.db", &p, &err) == -1);
	CHECK(p == NULL);
	CHECK_INT(err.status, STORE_ERR_OPEN);
	CHECK(strstr(err.detail, "/nonexistent/yorisoi/postal.db") != NULL);
	CHECK(store_postal_open("", &p, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_OPEN);
}

/* A file that is not a database, and a database that is not ours. */
TEST(postal_wrong_file)
{
	char path[] = "/tmp/yorisoi-postal-XXXXXX";
	store_postal *p = (store_postal *)1;
	store_error err = {0};
	int fd = mkstemp(path);
	REQUIRE(fd >= 0);

	REQUIRE(write(fd, "not a database at all, just words in a file\n", 45) == 45);
	close(fd);
	CHECK(store_postal_open(path, &p, &err) == -1);
	CHECK(p == NULL);
	CHECK_INT(err.status, STORE_ERR_DAMAGED); /* not a database at all */
	unlink(path);

	/* An empty file is a valid, empty SQLite database without our id. */
	snprintf(path, sizeof path, "/tmp/yorisoi-postal-XXXXXX");
	fd = mkstemp(path);
	REQUIRE(fd >= 0);
	close(fd);
	CHECK(store_postal_open(path, &p, &err) == -1);
	CHECK_INT(err.status, STORE_ERR_CORRUPT);
	CHECK(strstr(err.detail, "not a Yorisoi postal database") != NULL);
	unlink(path);
}

TEST(postal_source)
{
	store_postal *p = open_db();
	REQUIRE(p);
	CHECK(strstr(store_postal_source(p), "jquery-jpostal-ja") != NULL);
	store_postal_close(p);
}

/* The 丁目 of a code's town, from the town data beside Japan Post's table:
 * 220-0012 is みなとみらい (1 to 6丁目); 100-0001, 千代田, has none; a
 * whole-city code has no town to divide. */
TEST(postal_chome)
{
	store_postal *p = open_db();
	store_postal_place *v;
	int chome[STORE_CHOME_MAX];
	size_t n = 99;
	store_error err = {0};
	REQUIRE(p);

	REQUIRE(lookup(p, "220-0012", &v) == 1);
	CHECK(store_postal_chome(p, &v[0], chome, &n, &err) == 0);
	CHECK_INT(n, 6);
	CHECK_INT(chome[0], 1);
	CHECK_INT(chome[5], 6);
	/* the same town in another city is not this one */
	snprintf(v[0].city, sizeof v[0].city, "横浜市中区");
	CHECK(store_postal_chome(p, &v[0], chome, &n, &err) == 0);
	CHECK_INT(n, 0);
	free(v);

	REQUIRE(lookup(p, "100-0001", &v) == 1);
	n = 99;
	CHECK(store_postal_chome(p, &v[0], chome, &n, &err) == 0);
	CHECK_INT(n, 0);
	free(v);

	REQUIRE(lookup(p, "0600000", &v) == 1);
	n = 99;
	CHECK(store_postal_chome(p, &v[0], chome, &n, &err) == 0);
	CHECK_INT(n, 0);
	free(v);
	store_postal_close(p);
}
