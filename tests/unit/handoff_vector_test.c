/*
 * The test vectors of docs/handoff-format.md ("Test vectors"), checked
 * both ways where the encoding is deterministic (signed codes: Ed25519 and
 * this zlib), decode-only for the sealed one (sealing is randomised).
 * Keys: tests/data/keys/desk-test.key (desk 9D623CD4) and
 * tests/data/keys/city-test.key; answers: handoff_test_min.json.
 */
#include "tests/unit/test.h"

#include "handoff/internal.h"

#include <stdlib.h>

/* Vector S: signed, Base45. */
static const char vector_s[] = "YR1:IB0F+J2V7%ZS6996Q941A QHDB9%%5OUCJ/PCHSAU8KC0N9DOW6MXOQ8K/O1"
                               "H408/V:79$.1Y3F*RJW$9RHJ.WFBDK2L334WX8PKKT PIA6CAVSWUV44JYLBAFS8"
                               "H0F$2*RDXYIIHGSQPZKFN/Q1MHNUJHRKC0";
/* Vector D: the same, digits-only armour. */
static const char vector_d[] = "2518100513402901557258313186361940120299356311873311873256745257"
                               "9574771756000560267531361450107408860314800197647181858403952305"
                               "4439729199223926731857410960702264983510185964537611245805810564"
                               "1573865923254573850077305730275793801333183518233131054608354163"
                               "984841732012";
/* Vector E: signed and sealed to the test city. */
static const char vector_e[] = "YR1:KB0$ KYD7DI1CNGXBSZVFBO5-+NSQS4 66SUCPOUHD7PHX-QJ59QVH-/6I-U"
                               ".E1KH991H O0RJ0BOU-+Q%N2JASYRJC%Q//0MOT0WTYAL*NPHYIS*2+W95YKRT4$"
                               "PMY6JS848TTQW5RCJD43LDAAI4LYA3+44Y7+ZH-R3+W0CRME/R.-E:ITMRKU2I97"
                               "LAUBJ1AIAQ:JLCZ4Y9PBU3U6QX44D9U45W0IVM4G$3";
/* Vector P: signed, in three parts of at most QR version 4. */
static const char *const vector_p[] = {
        "YR1:LB0ID3300IB0F+J2V7%ZS6996Q941A QHDB9%%5OUCJ/PCHSAU8KC0N9DOW6F4",
        "YR1:LB0ID3Y50GWNT0NGR9E1PN3Q2AJ 9EP8ALA63SQ/PCIGED9HI1EOCR6L9O2WA5",
        "YR1:LB0ID3KB0A6CAVSWUV44JYLBAFS8H0F$2*RDXYIIHGSQPZKFN/Q1MHNUJHRKC0"};

static form_set *
forms(void)
{
	static form_set *s;
	char dir[512];
	if (!s) {
		snprintf(dir, sizeof dir, "%s/forms", test_data_dir());
		if (form_set_load_dir_schema(dir, "forms", &s, NULL, NULL) < 0)
			s = NULL;
	}
	return s;
}

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
	if (!forms())
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
	v->a = answers_from_json(buf, forms(), &v->lang, why, sizeof why);
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
	handoff_status st = handoff_decode_with(scans, n, forms(), &ver, &back, &lang, &o, &err);
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
	const char *shuffled[] = {vector_p[2], vector_p[0], vector_p[1]};
	check_decodes(&v, shuffled, 3, 0);
	check_encodes(&v, HANDOFF_ARMOUR_BASE45, 4, vector_p, 3);
	vec_free(&v);
}
