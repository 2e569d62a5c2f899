/*
 * 住民票コード and 在留カード番号 (type="resident-code", "residence-card"):
 * the check digit, what a resident may type, and what is refused, through
 * answers_set_at on forms/tennyu.xml (m_code, m_rc_no).
 */
#include "engine/engine.h"
#include "tests/unit/test.h"

#include <stdlib.h>

static form *
load_tennyu(void)
{
	form *f = NULL;
	if (form_load("forms/tennyu.xml", "forms", &f, NULL, NULL) != 0)
		return NULL;
	return f;
}

TEST(resident_code_check_digit_is_the_modulus_11_rule)
{
	/* Σ Pn×Qn over the ten digits from the lowest, weights 2..7,2..5 */
	CHECK_INT(resident_code_check_digit("3850472916"), 5);
	CHECK_INT(resident_code_check_digit("8204715963"), 2);
	CHECK_INT(resident_code_check_digit("1234567890"), 3);
	/* remainder 0 (sum 0) and remainder 1 (6×2 = 12) both give 0 */
	CHECK_INT(resident_code_check_digit("0000000000"), 0);
	CHECK_INT(resident_code_check_digit("0000000006"), 0);
	CHECK_INT(resident_code_check_digit("0000000050"), 7); /* 5×3 = 15, remainder 4 */
	CHECK_INT(resident_code_check_digit("123456789"), -1);
	CHECK_INT(resident_code_check_digit("12345678x0"), -1);
}

TEST(resident_code_accepts_what_residents_copy)
{
	form *f = load_tennyu();
	REQUIRE(f);
	answers *a = answers_new(f);
	static const char *const same[] = {"38504729165", "3850 4729 165", "385-0472-9165",
	                                   "３８５０４７２９１６５", " 38504729165 "};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		CHECK_INT(answers_set_at(a, "m_code", 0, same[i], NULL), ANSWER_OK);
		CHECK_STR(answers_get_at(a, "m_code", 0), "38504729165");
	}
	answers_free(a);
	form_free(f);
}

TEST(resident_code_refuses_a_typo)
{
	form *f = load_tennyu();
	REQUIRE(f);
	answers *a = answers_new(f);
	answer_error e;
	/* one digit wrong, two digits swapped, one missing, one too many, a letter */
	static const char *const bad[] = {"38504729166", "38504729615",  "83504729165",
	                                  "3850472916",  "385047291650", "3850472916A"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		CHECK_INT(answers_set_at(a, "m_code", 0, bad[i], &e), ANSWER_ERR_RESIDENT_CODE);
		CHECK(answers_get_at(a, "m_code", 0) == NULL);
	}
	CHECK_STR(answer_status_name(ANSWER_ERR_RESIDENT_CODE), "resident-code");
	answers_free(a);
	form_free(f);
}

TEST(residence_card_number_has_its_shape)
{
	form *f = load_tennyu();
	REQUIRE(f);
	answers *a = answers_new(f);
	static const char *const same[] = {"UH48201937QK", "uh48201937qk", "UH 4820 1937 QK",
	                                   "ＵＨ４８２０１９３７ＱＫ"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		CHECK_INT(answers_set_at(a, "m_rc_no", 0, same[i], NULL), ANSWER_OK);
		CHECK_STR(answers_get_at(a, "m_rc_no", 0), "UH48201937QK");
	}
	static const char *const bad[] = {"U48201937QK",  "UH4820193QK",  "UH48201937Q",
	                                  "1H48201937QK", "UH48201937Q1", "UH482019370QK",
	                                  "ÜH48201937QK"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_INT(answers_set_at(a, "m_rc_no", 0, bad[i], NULL), ANSWER_ERR_RESIDENCE_CARD);
	answers_free(a);
	form_free(f);
}
