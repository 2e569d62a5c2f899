/*
 * A small unit-test helper in the Redis spirit: TEST(name) defines a test
 * and registers it at start-up, CHECK() records a failure with file:line and
 * lets the test go on, REQUIRE() records it and leaves the test.
 * The runner prints "PASS: unit/<file>/<name>" or "FAIL: ..." per test;
 * tests/run.sh counts those lines.
 */
#ifndef YORISOI_TEST_H
#define YORISOI_TEST_H

#include <stdio.h>
#include <string.h>

typedef void (*test_fn)(void);
void test_register(const char *file, const char *name, test_fn fn);
void test_fail(const char *file, int line, const char *expr);
const char *test_data_dir(void);
/* A whole file as a malloc'd NUL-terminated string, or NULL. */
char *test_read_file(const char *path);

#define TEST(name)                                                                                 \
	static void name(void);                                                                    \
	__attribute__((constructor)) static void register_##name(void)                             \
	{                                                                                          \
		test_register(__FILE__, #name, name);                                              \
	}                                                                                          \
	static void name(void)

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond))                                                                       \
			test_fail(__FILE__, __LINE__, #cond);                                      \
	} while (0)

#define REQUIRE(cond)                                                                              \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			test_fail(__FILE__, __LINE__, #cond);                                      \
			return;                                                                    \
		}                                                                                  \
	} while (0)

#define CHECK_STR(a, b)                                                                            \
	do {                                                                                       \
		const char *check_a_ = (a), *check_b_ = (b);                                       \
		if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {                   \
			fprintf(stderr, "    got \"%s\", want \"%s\"\n",                           \
			        check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)");   \
			test_fail(__FILE__, __LINE__, #a " == " #b);                               \
		}                                                                                  \
	} while (0)

#define CHECK_INT(a, b)                                                                            \
	do {                                                                                       \
		long long check_a_ = (long long)(a), check_b_ = (long long)(b);                    \
		if (check_a_ != check_b_) {                                                        \
			fprintf(stderr, "    got %lld, want %lld\n", check_a_, check_b_);          \
			test_fail(__FILE__, __LINE__, #a " == " #b);                               \
		}                                                                                  \
	} while (0)

#endif
