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
static const char vector_s[] = "YR1:7Y0F+J2V7%ZS6996Q941A QHDB9%%5OUC3/PWM9GI9O10G9LCOGSDFCN12Q1"
                               "$LCK53VYJGDWKSNUDUXY4L9JEHNXSSRR3Y3D8A916OMCO/840BTFJE-Z0DXIZE80"
                               "I56E1SBECXRDKUION4723FME6270M";
/* Vector D: the same, digits-only armour. */
static const char vector_d[] = "2518101537402901557258313186361940120299356311873311873256745256"
                               "3192471905100069429463349230988030720319725282063204003665401478"
                               "5561365096633890147354579930731726494186834887149162085035922029"
                               "2200161637948168651093502661288735617261663476730436945228043344"
                               "4557";
/* Vector E: sealed from the test desk to the test city (HPKE Auth). */
static const char vector_e[] = "YR1:8Y0F+J2V7L A*60WJMJ.BX B558ERB3JD9NL$729ZQ*UERJ5NVR.ON%H01DL"
                               "5W99EEEHI-QN-YS3BRCFOINPVC28/E9O4+GPWE4-I4H97:50BUU+:4GJ0$R5E*F%"
                               "WS*93";
/* Vector P: signed, in four parts of at most QR version 3. */
static const char *const vector_p[] = {"YR1:AY07FF4007Y0F+J2V7%ZS6996Q941A QHDB9%%5OUC3/PWM9",
                                       "YR1:AY07FFZ50GI9O10G9LCOGSDFCN12Q1$LCK53VYJGDWKSNUDU",
                                       "YR1:AY07FFLB0XY4L9JEHNXSSRR3Y3D8A916OMCO/840BTFJE-Z0",
                                       "YR1:AY07FF7H0DXIZE80I56E1SBECXRDKUION4723FME6270M"};
/* Vector S of format 5, before kana fields had their one-byte code (the
 * dictionary was shorter too): still decoded, with its day. */
static const char vector_s5[] = "YR1:LS0F+J2V7%ZS6996Q941A QHDB9%%5OUC3/PWM9GI9/201EJCOGSDFCN1Z7F"
                                "O:J5AMECW/6SW*BV J8CILZE6U9KL1HS0LLRPG0$JRWXO/EIIZHFY7NSBNRHD/RP"
                                "H97A87SO97O%EM/631Q3*NR8TAS37";
/* Vector S of format 4, the first release, before the day was carried:
 * still decoded, with no day. */
static const char vector_s4[] = "YR1:ZM0F+J2V7%ZS6996Q941A QHDB9%%5OUC8.PGI9/20F8JCOGSDFCN1MFFTYN"
                                "OANUHQ$/UDFJX36-SR VVSJAYSS1A4MMQN VV*TB7G/64*35-RGXXUMDW6$QHH8L"
                                "9I8JB0965EI-571YJ2 6.8J/NO";

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
check_decodes_made(vec *v, const char *const *scans, size_t n, int sealed, const char *made)
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
	CHECK_STR(o.made, made);
	free(j);
	free(lang);
	answers_free(back);
}

static void
check_decodes(vec *v, const char *const *scans, size_t n, int sealed)
{
	check_decodes_made(v, scans, n, sealed, HX_VECTOR_DAY);
}

static void
check_encodes(vec *v, handoff_armour arm, int maxv, const char *const *want, size_t n)
{
	handoff_encode_opts o = {&v->desk, NULL, arm, maxv, HX_VECTOR_DAY};
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

TEST(vector_s5_format_5)
{
	vec v;
	REQUIRE(vec_init(&v) == 0);
	const char *s = vector_s5;
	check_decodes_made(&v, &s, 1, 0, "2026-12-01");
	vec_free(&v);
}

TEST(vector_s4_format_4)
{
	vec v;
	REQUIRE(vec_init(&v) == 0);
	const char *s = vector_s4;
	check_decodes_made(&v, &s, 1, 0, "");
	vec_free(&v);
}
