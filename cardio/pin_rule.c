/* The PIN rule (cardio.h, cardio_pin_decide) and the PIN's form. */
#include "cardio/cardio.h"

cardio_pin_step
cardio_pin_decide(int tries_left)
{
	if (tries_left == 0)
		return CARDIO_PIN_REFUSE;
	/* An unknown count (the card answered 90 00 or 63 00) may be the last
	 * try, so it is treated as one. */
	if (tries_left == 1 || tries_left < 0)
		return CARDIO_PIN_CONFIRM;
	return CARDIO_PIN_ASK;
}

bool
cardio_pin_well_formed(const char *pin)
{
	if (!pin)
		return false;
	for (int i = 0; i < 4; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return false;
	return pin[4] == '\0';
}
