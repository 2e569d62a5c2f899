/*
 * The test vectors of docs/handoff-format.md ("Test vectors"), checked
 * both ways where the encoding is deterministic (signed codes: Ed25519 and
 * this zlib), decode-only for the sealed one (sealing is randomised).
 * Keys: tests/data/keys/desk-test.key (desk 9D623CD4) and
 * tests/data/keys/city-test.key; answers: handoff_test_min.json.
 */
#include "tests/unit/handoff_fixture.h"
#include "tests/unit/test.h"

#include "handoff/internal.h"

#include <stdlib.h>

/* Vector S: signed, Base45. */
static const char vector_s[] = "YR1:4H0F+J2V7%ZS6996Q941A QHDB9%%5OUC8.PGI9/20F8JCOGSDFCN19ZUL09"
                               "S$1LFQ9OG12KYCA9DQCL7:G9*ITZAIBIJ3/57KC4CFXYJKXN6S0DV77DVHQU*CBD"
                               "X5M.0*.GZATY55L9LS.VSOVX2G";
/* Vector D: the same, digits-only armour. */
static const char vector_d[] = "2518100769402901557258313186361940120299356311873311873256745252"
                               "3190510013338850334923098803072623341824603718533463348940591208"
                               "2453244151321898959574369353929612063252073091940038480800126615"
                               "583633676193722854116230191234329592101038442951646936388332523";
/* Vector E: signed and sealed to the test city. */
static const char vector_e[] = "YR1:6H0C1464N7IHEAFXB8--BLBPB1GNV7QW6$KH-QM96R4-Q+8W8LH2YA%ETI:Q"
                               "7YP ZR5G1:TN-E1PX6W5K0$F4B6F6AQXGC 4HMR/BA-9M78NZDT: F4R8.+SGYAE"
                               "6N-TH6IE0*5AAA/KQ06C :P$WG+-BL75DURZDG.TF2FK7+ACVM/E2H8D7ZR:KFFU"
                               "UPDUTXP$F1D3Q OQHT9P*E.VP*.8KEK/LF";
/* Vector P: signed, in four parts of at most QR version 3. */
static const char *const vector_p[] = {"YR1:7H0HRK4004H0F+J2V7%ZS6996Q941A QHDB9%%5OUC8.PT1",
                                       "YR1:7H0HRKZ50WND:*GOQOX%QON1I50H/FO%8.1HIKCMMQE5I/1",
                                       "YR1:7H0HRKLB09DQCL7:G9*ITZAIBIJ3/57KC4CFXYJKXN6S0F1",
                                       "YR1:7H0HRK7H05ESG8H0NUA*851DTAFGC3*G9-CIVCPA0NQSHB0"};

typedef struct vec {
	handoff_desk_key desk;
	handoff_city_key city;
	handoff_keyring ring;
	answers *a;
	char *lang, *json;
} vec;

static int
vec_init(vec *v)
{
	char p[512], why[256], buf[4096];
	memset(v, 0, sizeof *v);
	if (!hx_forms())
		return -1;
	snprintf(p, sizeof p, "%s/keys/desk-test.key", test_data_dir());
	if (handoff_desk_key_load(p, &v->desk, NULL) != HANDOFF_OK)
		return -1;
	snprintf(p, sizeof p, "%s/keys/desk-test.pub", test_data_dir());
	if (handoff_keyring_add_file(&v->ring, p, NULL) != HANDOFF_OK)
		return -1;
	snprintf(p, sizeof p, "%s/keys/city-test.key", test_data_dir());
	if (handoff_city_key_load(p, &v->city, NULL) != HANDOFF_OK)
		return -1;
	snprintf(p, sizeof p, "%s/answers/handoff_test_min.json", test_data_dir());
	FILE *fp = fopen(p, "rb");
	if (!fp)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	v->a = answers_from_json(buf, hx_forms(), &v->lang, why, sizeof why);
	if (!v->a)
		return -1;
	v->json = answers_to_json(v->a, v->lang);
	return 0;
}

static void
vec_free(vec *v)
{
	handoff_desk_key_wipe(&v->desk);
	handoff_city_key_wipe(&v->city);
	handoff_keyring_free(&v->ring);
	answers_free(v->a);
	free(v->lang);
	free(v->json);
}

static void
check_decodes(vec *v, const char *const *scans, size_t n, int sealed)
{
	handoff_verify ver = {&v->ring, &v->city, 0};
	handoff_origin o;
	handoff_error err;
	answers *back = NULL;
	char *lang = NULL;
	handoff_status st = handoff_decode_with(scans, n, hx_forms(), &ver, &back, &lang, &o, &err);
	if (st != HANDOFF_OK)
		fprintf(stderr, "    %s\n", err.detail);
	REQUIRE(st == HANDOFF_OK);
	char *j = answers_to_json(back, lang);
	CHECK_STR(j, v->json);
	CHECK(o.is_signed);
	CHECK_INT(o.sealed, sealed);
	CHECK_STR(o.desk->name, "テスト図書館 相談デスク");
	free(j);
	free(lang);
	answers_free(back);
}

static void
check_encodes(vec *v, handoff_armour arm, int maxv, const char *const *want, size_t n)
{
	handoff_encode_opts o = {&v->desk, NULL, arm, maxv};
	handoff_codes c = {0};
	handoff_error err;
	REQUIRE(handoff_encode_with(v->a, v->lang, &o, &c, &err) == HANDOFF_OK);
	CHECK_INT(c.n, n);
	for (size_t i = 0; i < c.n && i < n; i++)
		CHECK_STR(c.text[i], want[i]);
	handoff_codes_free(&c);
}

TEST(vector_s_signed)
{
	vec v;
	REQUIRE(vec_init(&v) == 0);
	const char *s = vector_s;
	check_decodes(&v, &s, 1, 0);
	check_encodes(&v, HANDOFF_ARMOUR_BASE45, 0, &s, 1);
	char id[9];
	handoff_keyid_hex(v.desk.id, id);
	CHECK_STR(id, "9D623CD4");
	vec_free(&v);
}

TEST(vector_d_digits)
{
	vec v;
	REQUIRE(vec_init(&v) == 0);
	const char *s = vector_d;
	check_decodes(&v, &s, 1, 0);
	check_encodes(&v, HANDOFF_ARMOUR_DIGITS, 0, &s, 1);
	vec_free(&v);
}

TEST(vector_e_sealed)
{
	vec v;
	REQUIRE(vec_init(&v) == 0);
	const char *s = vector_e;
	check_decodes(&v, &s, 1, 1);
	vec_free(&v);
}

TEST(vector_p_parts)
{
	vec v;
	REQUIRE(vec_init(&v) == 0);
	const char *shuffled[] = {vector_p[2], vector_p[0], vector_p[3], vector_p[1]};
	check_decodes(&v, shuffled, 4, 0);
	check_encodes(&v, HANDOFF_ARMOUR_BASE45, 3, vector_p, 4);
	vec_free(&v);
}
