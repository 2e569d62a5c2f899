/* The emulator's injected faults, and the reading code's answer to each of
 * them at every step of a read, in-process (the same matrix runs through
 * pcscd in tests/integration/card_faults.sh). */
#include "cardio/internal.h"
#include "tests/unit/test.h"

#include <stdlib.h>

static const char *
persona(const char *fault, unsigned at)
{
	static char buf[1024];
	snprintf(buf, sizeof buf, "%sfault = %s\nfault_at_apdu = %u\n", cardio_emu_demo_persona(),
	         fault, at);
	return buf;
}

static uint16_t
select_ap(cardio_emu *e)
{
	uint8_t c[15] = {0x00, 0xA4, 0x04, 0x0C, 0x0A}, r[64];
	memcpy(c + 5, cardio_text_ap_aid, 10);
	size_t n = cardio_emu_transmit(e, c, sizeof c, r, sizeof r);
	return n >= 2 ? (uint16_t)(r[n - 2] << 8 | r[n - 1]) : 0;
}

TEST(fault_switches_parse_and_bad_ones_are_refused)
{
	static const char *const good[] = {"remove",  "garbage", "truncate",   "sw:6F00",
	                                   "sw:6a82", "slow:0",  "slow:60000", "not_mynumber"};
	static const char *const bad[] = {"",      "sw:6F",   "sw:6F000",   "sw:GGGG",
	                                  "slow:", "slow:-1", "slow:60001", "explode"};
	char why[160];
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		cardio_emu *e = cardio_emu_new(persona(good[i], 1), why, sizeof why);
		CHECK(e != NULL);
		cardio_emu_free(e);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		why[0] = '\0';
		cardio_emu *e = cardio_emu_new(persona(bad[i], 1), why, sizeof why);
		CHECK(e == NULL);
		CHECK(strstr(why, "fault") != NULL);
		cardio_emu_free(e);
	}
}

TEST(each_fault_hits_only_its_apdu)
{
	uint8_t c[15] = {0x00, 0xA4, 0x04, 0x0C, 0x0A}, r[64];
	memcpy(c + 5, cardio_text_ap_aid, 10);

	cardio_emu *e = cardio_emu_new(persona("sw:6F00", 2), NULL, 0);
	REQUIRE(e);
	CHECK_INT(select_ap(e), 0x9000);
	CHECK_INT(select_ap(e), 0x6F00);
	CHECK_STR(cardio_emu_last_fault(e), "sw");
	CHECK_INT(select_ap(e), 0x9000);
	CHECK(cardio_emu_last_fault(e) == NULL);
	cardio_emu_free(e);

	e = cardio_emu_new(persona("truncate", 1), NULL, 0);
	REQUIRE(e);
	CHECK_INT(cardio_emu_transmit(e, c, sizeof c, r, sizeof r), 1);
	CHECK_INT(cardio_emu_transmit(e, c, sizeof c, r, sizeof r), 2);
	cardio_emu_free(e);

	e = cardio_emu_new(persona("garbage", 1), NULL, 0);
	REQUIRE(e);
	CHECK_INT(cardio_emu_transmit(e, c, sizeof c, r, sizeof r), 5);
	CHECK(!(r[3] == 0x90 && r[4] == 0x00));
	cardio_emu_free(e);

	e = cardio_emu_new(persona("remove", 2), NULL, 0);
	REQUIRE(e);
	CHECK_INT(select_ap(e), 0x9000);
	CHECK_INT(cardio_emu_transmit(e, c, sizeof c, r, sizeof r), 0);
	CHECK(cardio_emu_pulled(e));
	CHECK_INT(cardio_emu_transmit(e, c, sizeof c, r, sizeof r), 0); /* stays out */
	cardio_emu_free(e);

	/* not_mynumber lasts from its APDU on; 0 means the whole card. */
	e = cardio_emu_new(persona("not_mynumber", 2), NULL, 0);
	REQUIRE(e);
	CHECK_INT(select_ap(e), 0x9000);
	CHECK_INT(select_ap(e), 0x6A82);
	CHECK_INT(select_ap(e), 0x6A82);
	cardio_emu_free(e);
	e = cardio_emu_new(persona("not_mynumber", 0), NULL, 0);
	REQUIRE(e);
	CHECK_INT(select_ap(e), 0x6A82);
	cardio_emu_free(e);
}

/* The whole read over the demo transport with PIN 1234 (correct). */
static cardio_status
read_with(const char *text, cardio_emu **keep, cardio_error *err)
{
	cardio_session *s = NULL;
	cardio_identity id;
	int tries = -1;
	cardio_status st = cardio_open_demo(text, &s, err);
	if (st != CARDIO_OK)
		return st;
	*keep = NULL;
	if ((st = cardio_pin_tries(s, &tries, err)) == CARDIO_OK) {
		if (tries < 2) /* the CLI and the console ask first; no PIN here */
			st = cardio_fail(err, CARDIO_ERR_STATE, 0, 0, "would ask to confirm");
		else if ((st = cardio_verify_pin(s, "1234", err)) == CARDIO_OK)
			st = cardio_read_identity(s, &id, err);
	}
	if (st == CARDIO_OK)
		CHECK_STR(id.name, "山田　花子");
	cardio_identity_wipe(&id);
	/* Check the card before the session frees it. */
	cardio_emu *e = cardio_session_emu(s);
	CHECK_INT(cardio_emu_tries_left(e), 3);
	CHECK(cardio_emu_pin_verifies(e) <= 1);
	CHECK_INT(cardio_emu_ef_selects(e, CARDIO_EF_MYNUMBER), 0);
	cardio_close(s);
	return st;
}

TEST(every_fault_at_every_step_ends_typed_and_spends_no_try)
{
	static const char *const faults[] = {"remove",  "garbage", "truncate", "sw:6F00",
	                                     "sw:6A82", "sw:6984", "sw:9000",  "sw:63C0",
	                                     "sw:6100", "sw:6C00", "slow:1",   "not_mynumber"};
	for (size_t f = 0; f < sizeof faults / sizeof faults[0]; f++) {
		for (unsigned at = 1; at <= 7; at++) {
			cardio_emu *keep;
			cardio_error err;
			cardio_error_clear(&err);
			cardio_status st = read_with(persona(faults[f], at), &keep, &err);
			if (st != CARDIO_OK && err.detail[0] == '\0') {
				fprintf(stderr, "    %s@%u: %s without a detail\n", faults[f], at,
				        cardio_status_name(st));
				CHECK(err.detail[0] != '\0');
			}
			CHECK(st == CARDIO_OK || err.status == st);
		}
	}
}

TEST(a_pulled_demo_card_is_removed_not_a_transport_error)
{
	cardio_emu *keep;
	cardio_error err;
	for (unsigned at = 2; at <= 6; at++)
		CHECK_INT(read_with(persona("remove", at), &keep, &err), CARDIO_ERR_REMOVED);
}
