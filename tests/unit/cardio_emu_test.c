/* The emulated card answers the APDUs of docs/cards.md like the real one. */
#include "cardio/internal.h"
#include "tests/unit/test.h"

#include <stdlib.h>

static uint16_t
send(cardio_emu *e, const uint8_t *cmd, size_t n, uint8_t *data, size_t *dlen)
{
	uint8_t resp[300];
	size_t rn = cardio_emu_transmit(e, cmd, n, resp, sizeof resp);
	if (rn < 2)
		return 0;
	if (data)
		memcpy(data, resp, rn - 2);
	if (dlen)
		*dlen = rn - 2;
	return (uint16_t)(resp[rn - 2] << 8 | resp[rn - 1]);
}

static uint16_t
select_ap(cardio_emu *e)
{
	uint8_t c[15] = {0x00, 0xA4, 0x04, 0x0C, 0x0A};
	memcpy(c + 5, cardio_text_ap_aid, 10);
	return send(e, c, sizeof c, NULL, NULL);
}

static uint16_t
select_ef(cardio_emu *e, uint16_t fid)
{
	uint8_t c[7] = {0x00, 0xA4, 0x02, 0x0C, 0x02, (uint8_t)(fid >> 8), (uint8_t)fid};
	return send(e, c, sizeof c, NULL, NULL);
}

static uint16_t
verify(cardio_emu *e, const char *pin)
{
	uint8_t c[9] = {0x00, 0x20, 0x00, 0x80, 0x04};
	if (!pin)
		return send(e, c, 4, NULL, NULL);
	memcpy(c + 5, pin, 4);
	return send(e, c, 9, NULL, NULL);
}

static uint16_t
read_binary(cardio_emu *e, unsigned off, uint8_t le, uint8_t *data, size_t *n)
{
	uint8_t c[5] = {0x00, 0xB0, (uint8_t)(off >> 8), (uint8_t)off, le};
	return send(e, c, sizeof c, data, n);
}

static cardio_emu *
demo_at_pin(void)
{
	cardio_emu *e = cardio_emu_new(cardio_emu_demo_persona(), NULL, 0);
	if (!e)
		return NULL;
	cardio_emu_power(e, 1);
	if (select_ap(e) != 0x9000 || select_ef(e, CARDIO_EF_PIN) != 0x9000) {
		cardio_emu_free(e);
		return NULL;
	}
	return e;
}

TEST(only_the_text_ap_answers)
{
	static const uint8_t jpki[15] = {0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0,
	                                 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};
	static const uint8_t visual_prefix[12] = {0x00, 0xA4, 0x04, 0x0C, 0x07, 0xD3,
	                                          0x92, 0x10, 0x00, 0x31, 0x00, 0x01};
	cardio_emu *e = cardio_emu_new(cardio_emu_demo_persona(), NULL, 0);
	REQUIRE(e);
	cardio_emu_power(e, 1);
	CHECK_INT(send(e, jpki, sizeof jpki, NULL, NULL), 0x6A82);
	CHECK_INT(send(e, visual_prefix, sizeof visual_prefix, NULL, NULL), 0x6A82);
	CHECK_INT(select_ef(e, CARDIO_EF_BASIC4), 0x6A82); /* no AP yet */
	CHECK_INT(select_ap(e), 0x9000);
	CHECK_INT(select_ef(e, 0x0009), 0x6A82);
	CHECK_INT(select_ef(e, CARDIO_EF_BASIC4), 0x9000);
	static const uint8_t bad_ins[4] = {0x00, 0x84, 0x00, 0x00}, bad_cla[4] = {0x08, 0xA4, 0, 0};
	CHECK_INT(send(e, bad_ins, 4, NULL, NULL), 0x6D00);
	CHECK_INT(send(e, bad_cla, 4, NULL, NULL), 0x6E00);
	CHECK_INT(cardio_emu_apdus(e), 8);
	cardio_emu_free(e);
}

TEST(wrong_pins_count_down_and_block)
{
	cardio_emu *e = demo_at_pin();
	REQUIRE(e);
	CHECK_INT(verify(e, NULL), 0x63C3);
	CHECK_INT(verify(e, "0000"), 0x63C2);
	CHECK_INT(verify(e, NULL), 0x63C2); /* the query spends nothing */
	CHECK_INT(verify(e, NULL), 0x63C2);
	CHECK_INT(verify(e, "1111"), 0x63C1);
	CHECK_INT(verify(e, "2222"), 0x63C0); /* the try that blocks */
	CHECK_INT(verify(e, "3333"), 0x6984);
	CHECK_INT(verify(e, "1234"), 0x6984); /* even the right PIN, now */
	CHECK_INT(verify(e, NULL), 0x63C0);
	CHECK_INT(cardio_emu_tries_left(e), 0);
	CHECK_INT(cardio_emu_pin_verifies(e), 5);
	cardio_emu_free(e);
}

TEST(a_correct_pin_resets_the_counter)
{
	cardio_emu *e = demo_at_pin();
	REQUIRE(e);
	CHECK_INT(verify(e, "0000"), 0x63C2);
	CHECK_INT(verify(e, "0001"), 0x63C1);
	CHECK_INT(verify(e, "1234"), 0x9000);
	CHECK_INT(verify(e, NULL), 0x63C3);
	CHECK_INT(cardio_emu_tries_left(e), 3);
	/* The count survives power cycles, as on the card. */
	CHECK_INT(verify(e, "0000"), 0x63C2);
	cardio_emu_power(e, 0);
	cardio_emu_power(e, 1);
	select_ap(e);
	select_ef(e, CARDIO_EF_PIN);
	CHECK_INT(verify(e, NULL), 0x63C2);
	cardio_emu_free(e);
}

TEST(read_binary_needs_verify_and_honours_offset_and_le)
{
	uint8_t data[300];
	size_t n;
	cardio_emu *e = demo_at_pin();
	REQUIRE(e);
	CHECK_INT(select_ef(e, CARDIO_EF_BASIC4), 0x9000);
	CHECK_INT(read_binary(e, 0, 0, data, &n), 0x6982);
	CHECK_INT(n, 0);
	select_ef(e, CARDIO_EF_PIN);
	CHECK_INT(verify(e, "1234"), 0x9000);
	select_ef(e, CARDIO_EF_BASIC4);
	CHECK_INT(read_binary(e, 0, 7, data, &n), 0x9000);
	CHECK_INT(n, 7);
	CHECK(data[0] == 0xFF && data[1] == 0x20);
	CHECK_INT(read_binary(e, 0, 0, data, &n), 0x9000); /* Le 256: the card stops at the end */
	size_t total = n;
	CHECK(total > 7 && total < 256);
	CHECK_INT(read_binary(e, (unsigned)total - 1, 0, data, &n), 0x9000);
	CHECK_INT(n, 1);
	CHECK_INT(read_binary(e, (unsigned)total, 0, data, &n), 0x6B00);
	/* A warm reset keeps the verified state; power-off clears it. */
	cardio_emu_reset(e);
	select_ap(e);
	select_ef(e, CARDIO_EF_BASIC4);
	CHECK_INT(read_binary(e, 0, 4, data, &n), 0x9000);
	cardio_emu_power(e, 0);
	cardio_emu_power(e, 1);
	select_ap(e);
	select_ef(e, CARDIO_EF_BASIC4);
	CHECK_INT(read_binary(e, 0, 4, data, &n), 0x6982);
	cardio_emu_free(e);
}

TEST(ef_0001_is_readable_after_verify_like_the_real_card)
{
	uint8_t data[300];
	size_t n;
	cardio_emu *e = demo_at_pin();
	REQUIRE(e);
	CHECK_INT(verify(e, "1234"), 0x9000);
	CHECK_INT(select_ef(e, CARDIO_EF_MYNUMBER), 0x9000);
	CHECK_INT(read_binary(e, 0, 17, data, &n), 0x9000);
	CHECK_INT(n, 17);
	CHECK(memcmp(data,
	             "\xFF\x10\x0C"
	             "123456789012\xFF\xFF",
	             17) == 0);
	CHECK_INT(cardio_emu_ef_selects(e, CARDIO_EF_MYNUMBER), 1);
	cardio_emu_free(e);
}

TEST(power_up_6f00_fault)
{
	char persona[512];
	snprintf(persona, sizeof persona, "%spower_up_6f00 = 1\n", cardio_emu_demo_persona());
	cardio_emu *e = cardio_emu_new(persona, NULL, 0);
	REQUIRE(e);
	cardio_emu_power(e, 1);
	CHECK_INT(select_ap(e), 0x6F00);
	CHECK_INT(select_ap(e), 0x9000);
	cardio_emu_free(e);
}

TEST(bad_personas_are_refused_with_a_reason)
{
	static const char *const bad[] = {
	        "name = A\naddress = B\nbirth = 19500401\nsex = 2\n", /* no pin */
	        "name = A\naddress = B\nbirth = 19500431\nsex = 2\npin = 1234\n",
	        "name = A\naddress = B\nbirth = 19500401\nsex = 3\npin = 1234\n",
	        "name = A\naddress = B\nbirth = 19500401\nsex = 2\npin = 123\n",
	        "name = A\naddress = B\nbirth = 19500401\nsex = 2\npin = 1234\npin_tries = 4\n",
	        "name = A\naddress = B\nbirth = 19500401\nsex = 2\npin = 1234\ncolour = red\n",
	        "name = A\naddress = B\nbirth = 19500401\nsex = 2\npin = 1234\nno equals sign\n",
	        "name = A\nname = A\naddress = B\nbirth = 19500401\nsex = 2\npin = 1234\n",
	        "name = \xFF\naddress = B\nbirth = 19500401\nsex = 2\npin = 1234\n",
	        "name = A\naddress = B\nbirth = 19500401\nsex = 2\npin = 1234\nmynumber = 12\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char why[160] = "";
		cardio_emu *e = cardio_emu_new(bad[i], why, sizeof why);
		CHECK(e == NULL);
		CHECK(why[0] != '\0');
		cardio_emu_free(e);
	}
	char why[160] = "";
	cardio_emu *ok =
	        cardio_emu_new("# fine\nname = A\naddress = B\nbirth = 19500401\n"
	                       "sex = 2\npin = 1234\npin_tries = 2\nremove_after_apdu = 5\n",
	                       why, sizeof why);
	REQUIRE(ok);
	CHECK_INT(cardio_emu_tries_left(ok), 2);
	CHECK_INT(cardio_emu_remove_after(ok), 5);
	cardio_emu_free(ok);
}
