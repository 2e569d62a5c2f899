/* The PIN rule for every count a card can report, and the PIN's form. */
#include "cardio/cardio.h"
#include "tests/unit/test.h"

TEST(blocked_card_is_refused)
{
	CHECK(cardio_pin_decide(0) == CARDIO_PIN_REFUSE);
}

TEST(last_try_and_unknown_count_need_confirmation)
{
	CHECK(cardio_pin_decide(1) == CARDIO_PIN_CONFIRM);
	/* -1 is "the card would not say"; any negative count is unknown */
	for (int t = -1; t >= -16; t--)
		CHECK(cardio_pin_decide(t) == CARDIO_PIN_CONFIRM);
}

TEST(two_or_more_tries_ask_directly)
{
	/* the 4-bit counter of 63 Cx reaches 15 */
	for (int t = 2; t <= 15; t++)
		CHECK(cardio_pin_decide(t) == CARDIO_PIN_ASK);
}

TEST(pin_form_is_four_ascii_digits)
{
	CHECK(cardio_pin_well_formed("1234"));
	CHECK(cardio_pin_well_formed("0000"));
	CHECK(!cardio_pin_well_formed(NULL));
	CHECK(!cardio_pin_well_formed(""));
	CHECK(!cardio_pin_well_formed("123"));
	CHECK(!cardio_pin_well_formed("12345"));
	CHECK(!cardio_pin_well_formed("12a4"));
	CHECK(!cardio_pin_well_formed("１２３４")); /* full-width digits are not sent */
	CHECK(!cardio_pin_well_formed("12 4"));
}
