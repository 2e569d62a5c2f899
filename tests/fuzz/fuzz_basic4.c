/* libFuzzer target: the parser of EF 0002 (the card's 基本4情報) never
 * crashes, leaks or reads out of bounds, whatever the card answers. */
#include "cardio/cardio.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cardio_identity id;
	cardio_error err;
	cardio_parse_basic4(data, size, &id, &err);
	cardio_identity_wipe(&id);
	return 0;
}
