/* libFuzzer target: a damaged or hostile form definition gives
 * diagnostics, never a crash. */
#include "engine/engine.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/yorisoi-fuzz-form-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	form *f = NULL;
	if (form_load(path, "forms", &f, NULL, NULL) == 0)
		form_free(f);
	unlink(path);
	return 0;
}
