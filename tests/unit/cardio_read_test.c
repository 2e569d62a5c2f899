/* The whole reading sequence, over the demo card and over a scripted
 * transport that plays the status words real cards may send. */
#include "cardio/internal.h"
#include "tests/unit/test.h"

#include <stdlib.h>

static const char long_persona[] =
        "name = グエン　ヴァン　アン\n"
        "name_alpha = NGUYEN VAN AN\n"
        "address = 神奈川県横浜市中区山下町１２３番地の４５６　"
        "ヨコハマグランドマンションパシフィックタワーズ東棟弐拾参階二千三百四十五号室　"
        "ヨコハマグランドマンションパシフィックタワーズ管理組合気付　国際交流ラウンジ隣\n"
        "birth = 19881231\nsex = 9\npin = 4321\n";

static char *
persona_with(const char *extra)
{
	static char buf[1024];
	snprintf(buf, sizeof buf,
	         "name = 山田　花子\naddress = 東京都千代田区千代田１－１\nbirth = 19500401\n"
	         "sex = 2\npin = 1234\n%s",
	         extra);
	return buf;
}

TEST(demo_read_costs_six_apdus_one_verify_and_never_ef_0001)
{
	cardio_session *s = NULL;
	cardio_error err;
	cardio_identity id;
	int tries = -1;

	REQUIRE(cardio_open_demo(NULL, &s, &err) == CARDIO_OK);
	CHECK_INT(cardio_pin_tries(s, &tries, &err), CARDIO_OK);
	CHECK_INT(tries, 3);
	CHECK_INT(cardio_verify_pin(s, "1234", &err), CARDIO_OK);
	CHECK_INT(cardio_read_identity(s, &id, &err), CARDIO_OK);
	CHECK_STR(id.name, "山田　花子");
	CHECK_STR(id.address, "東京都千代田区千代田１－１");
	CHECK_STR(id.birth, "1950-04-01");
	CHECK_STR(id.sex, "2");
	CHECK_STR(id.card_type, "demo");
	CHECK_INT(cardio_apdu_count(s), 6);
	cardio_emu *e = cardio_session_emu(s);
	REQUIRE(e);
	CHECK_INT(cardio_emu_apdus(e), 6);
	CHECK_INT(cardio_emu_pin_verifies(e), 1);
	CHECK_INT(cardio_emu_ef_selects(e, CARDIO_EF_MYNUMBER), 0);
	CHECK_INT(cardio_emu_ef_selects(e, CARDIO_EF_BASIC4), 1);
	cardio_identity_wipe(&id);
	CHECK(id.name[0] == '\0');
	cardio_close(s);
}

TEST(a_long_file_is_read_in_two_chunks)
{
	cardio_session *s = NULL;
	cardio_error err;
	cardio_identity id;

	REQUIRE(cardio_open_demo(long_persona, &s, &err) == CARDIO_OK);
	CHECK_INT(cardio_verify_pin(s, "4321", &err), CARDIO_OK); /* queries the counter first */
	CHECK_INT(cardio_read_identity(s, &id, &err), CARDIO_OK);
	CHECK_STR(id.name_alpha, "NGUYEN VAN AN");
	CHECK_STR(id.family_name, "グエン");
	CHECK_STR(id.given_name, "ヴァン　アン");
	CHECK(strlen(id.address) == 300);
	CHECK_INT(cardio_apdu_count(s), 7);
	cardio_close(s);
}

TEST(wrong_pin_reports_tries_and_a_blocked_card_gets_no_pin)
{
	cardio_session *s = NULL;
	cardio_error err;
	cardio_identity id;
	int tries;

	REQUIRE(cardio_open_demo(persona_with("pin_tries = 2\n"), &s, &err) == CARDIO_OK);
	CHECK_INT(cardio_verify_pin(s, "9999", &err), CARDIO_ERR_WRONG_PIN);
	CHECK_INT(err.tries_left, 1);
	CHECK_INT(err.sw, 0x63C1);
	CHECK_INT(cardio_read_identity(s, &id, &err), CARDIO_ERR_STATE);
	CHECK_INT(cardio_verify_pin(s, "9998", &err), CARDIO_ERR_PIN_BLOCKED);
	CHECK_INT(err.tries_left, 0);
	unsigned sent = cardio_emu_pin_verifies(cardio_session_emu(s));
	CHECK_INT(sent, 2);
	/* Known blocked: the next VERIFY is not even sent. */
	CHECK_INT(cardio_verify_pin(s, "1234", &err), CARDIO_ERR_PIN_BLOCKED);
	CHECK_INT(cardio_emu_pin_verifies(cardio_session_emu(s)), sent);
	cardio_close(s);

	REQUIRE(cardio_open_demo(persona_with("pin_tries = 0\n"), &s, &err) == CARDIO_OK);
	CHECK_INT(cardio_pin_tries(s, &tries, &err), CARDIO_OK);
	CHECK_INT(tries, 0);
	CHECK_INT(cardio_verify_pin(s, "1234", &err), CARDIO_ERR_PIN_BLOCKED);
	CHECK_INT(cardio_emu_pin_verifies(cardio_session_emu(s)), 0);
	cardio_close(s);
}

TEST(a_malformed_pin_is_never_sent)
{
	cardio_session *s = NULL;
	cardio_error err;
	static const char *const bad[] = {"", "123", "12345", "12a4", "１２３４", "1234\n"};

	REQUIRE(cardio_open_demo(NULL, &s, &err) == CARDIO_OK);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_INT(cardio_verify_pin(s, bad[i], &err), CARDIO_ERR_PIN_FORMAT);
	CHECK_INT(cardio_verify_pin(s, NULL, &err), CARDIO_ERR_PIN_FORMAT);
	CHECK_INT(cardio_apdu_count(s), 1); /* only the SELECT of open */
	cardio_close(s);
}

TEST(a_card_pulled_mid_read_is_removed)
{
	cardio_session *s = NULL;
	cardio_error err;
	cardio_identity id;
	int tries;

	REQUIRE(cardio_open_demo(persona_with("remove_after_apdu = 4\n"), &s, &err) == CARDIO_OK);
	CHECK_INT(cardio_pin_tries(s, &tries, &err), CARDIO_OK);
	CHECK_INT(cardio_verify_pin(s, "1234", &err), CARDIO_OK);
	CHECK_INT(cardio_read_identity(s, &id, &err), CARDIO_ERR_REMOVED);
	CHECK(id.name[0] == '\0');
	cardio_close(s);

	REQUIRE(cardio_open_demo(persona_with("remove_after_apdu = 2\n"), &s, &err) == CARDIO_OK);
	CHECK_INT(cardio_pin_tries(s, &tries, &err), CARDIO_ERR_REMOVED);
	cardio_close(s);
}

TEST(first_select_is_retried_once_after_6f00)
{
	cardio_session *s = NULL;
	cardio_error err;
	REQUIRE(cardio_open_demo(persona_with("power_up_6f00 = 1\n"), &s, &err) == CARDIO_OK);
	CHECK_INT(cardio_apdu_count(s), 2);
	cardio_close(s);
	cardio_close(NULL);
}

TEST(a_bad_persona_does_not_open)
{
	cardio_session *s = NULL;
	cardio_error err;
	CHECK_INT(cardio_open_demo("name = A\n", &s, &err), CARDIO_ERR_BAD_DATA);
	CHECK(s == NULL);
	CHECK(strstr(err.detail, "missing") != NULL);
}

/* ---- a scripted card: answers come from a list, commands are kept ---- */

struct script {
	const char *answers[12]; /* hex strings: data then SW */
	int next;
	uint8_t cmds[12][32];
	size_t cmdlen[12];
	bool closed;
};

static size_t
unhex(const char *h, uint8_t *out, size_t cap)
{
	size_t n = 0;
	while (h[0] && h[1] && n < cap) {
		unsigned v;
		sscanf(h, "%2x", &v);
		out[n++] = (uint8_t)v;
		h += 2;
	}
	return n;
}

static cardio_status
script_transmit(void *ctx, const uint8_t *cmd, size_t cmdlen, uint8_t *resp, size_t *resplen,
                cardio_error *err)
{
	struct script *sc = ctx;
	if (sc->next >= 12 || !sc->answers[sc->next])
		return cardio_fail(err, CARDIO_ERR_TRANSPORT, 0, 0, "script ran out");
	memcpy(sc->cmds[sc->next], cmd, cmdlen < 32 ? cmdlen : 32);
	sc->cmdlen[sc->next] = cmdlen;
	*resplen = unhex(sc->answers[sc->next++], resp, *resplen);
	return CARDIO_OK;
}

static void
script_close(void *ctx)
{
	((struct script *)ctx)->closed = true;
}

static const cardio_transport script_transport = {"script", script_transmit, script_close};

/* The hand-made EF 0002 of cardio_parse_test, in hex (59 bytes). */
#define EF2_HEAD "FF2038DF2108000E0020002C0037DF220FE5B1B1E794B0E38080E88AB1E5AD90"
#define EF2_TAIL "DF2309E69DB1E4BAACE983BDDF24083139353030343031DF250132"
#define OPEN_OK  "9000", "9000", "63C3", "9000", "9000" /* SELECT, SELECT, query, VERIFY, SELECT */

static cardio_status
run_script(struct script *sc, cardio_identity *id, cardio_error *err)
{
	cardio_session *s = NULL;
	cardio_status st = cardio_session_start(&script_transport, sc, "test", "r", &s, err);
	if (st != CARDIO_OK)
		return st;
	int tries;
	if ((st = cardio_pin_tries(s, &tries, err)) == CARDIO_OK &&
	    (st = cardio_verify_pin(s, "1234", err)) == CARDIO_OK)
		st = cardio_read_identity(s, id, err);
	cardio_close(s);
	return st;
}

TEST(script_plain_read)
{
	struct script sc = {{OPEN_OK, EF2_HEAD EF2_TAIL "9000"}, 0, {{0}}, {0}, false};
	cardio_identity id;
	cardio_error err;
	REQUIRE(run_script(&sc, &id, &err) == CARDIO_OK);
	CHECK_STR(id.given_name, "花子");
	CHECK(sc.closed);
	CHECK_INT(sc.next, 6);
	/* The READ BINARY asked for 256 bytes at offset 0. */
	CHECK(memcmp(sc.cmds[5], "\x00\xB0\x00\x00\x00", 5) == 0 && sc.cmdlen[5] == 5);
	/* The VERIFY carried the PIN once, and only once. */
	CHECK(memcmp(sc.cmds[3],
	             "\x00\x20\x00\x80\x04"
	             "1234",
	             9) == 0);
}

TEST(script_6cxx_resends_with_the_right_le)
{
	struct script sc = {{OPEN_OK, "6C3B", EF2_HEAD EF2_TAIL "9000"}, 0, {{0}}, {0}, false};
	cardio_identity id;
	cardio_error err;
	CHECK_INT(run_script(&sc, &id, &err), CARDIO_OK);
	CHECK(sc.cmds[6][4] == 0x3B);
}

TEST(script_61xx_collects_with_get_response)
{
	struct script sc = {{OPEN_OK, EF2_HEAD "6127", EF2_TAIL "9000"}, 0, {{0}}, {0}, false};
	cardio_identity id;
	cardio_error err;
	CHECK_INT(run_script(&sc, &id, &err), CARDIO_OK);
	CHECK(memcmp(sc.cmds[6], "\x00\xC0\x00\x00\x27", 5) == 0);
}

TEST(script_6282_is_end_of_file)
{
	struct script sc = {{OPEN_OK, EF2_HEAD EF2_TAIL "6282"}, 0, {{0}}, {0}, false};
	cardio_identity id;
	cardio_error err;
	CHECK_INT(run_script(&sc, &id, &err), CARDIO_OK);
}

TEST(script_short_answer_then_rest)
{
	/* A card that gives only the first 32 bytes: the rest is read at 32. */
	struct script sc = {{OPEN_OK, EF2_HEAD "9000", EF2_TAIL "9000"}, 0, {{0}}, {0}, false};
	cardio_identity id;
	cardio_error err;
	CHECK_INT(run_script(&sc, &id, &err), CARDIO_OK);
	CHECK(memcmp(sc.cmds[6], "\x00\xB0\x00\x20\x1B", 5) == 0);
}

TEST(script_truncated_file_is_bad_data)
{
	struct script sc = {{OPEN_OK, EF2_HEAD "9000", "6B00"}, 0, {{0}}, {0}, false};
	cardio_identity id;
	cardio_error err;
	CHECK_INT(run_script(&sc, &id, &err), CARDIO_ERR_BAD_DATA);
	struct script sc2 = {{OPEN_OK, "FF209000"}, 0, {{0}}, {0}, false};
	CHECK_INT(run_script(&sc2, &id, &err), CARDIO_ERR_BAD_DATA);
}

TEST(script_unknown_card)
{
	struct script sc = {{"6A82"}, 0, {{0}}, {0}, false};
	cardio_identity id;
	cardio_error err;
	CHECK_INT(run_script(&sc, &id, &err), CARDIO_ERR_UNKNOWN_CARD);
	CHECK(sc.closed);
	struct script sc2 = {{"6F00", "6A82"}, 0, {{0}}, {0}, false};
	CHECK_INT(run_script(&sc2, &id, &err), CARDIO_ERR_UNKNOWN_CARD);
	CHECK_INT(sc2.next, 2);
	struct script sc3 = {{"6F00", "6F00"}, 0, {{0}}, {0}, false};
	CHECK_INT(run_script(&sc3, &id, &err), CARDIO_ERR_UNKNOWN_CARD);
	CHECK_INT(sc3.next, 2); /* retried once, not more */
}

TEST(status_names)
{
	CHECK_STR(cardio_status_name(CARDIO_ERR_PIN_BLOCKED), "PIN blocked");
	CHECK_STR(cardio_status_name(CARDIO_OK), "ok");
}
