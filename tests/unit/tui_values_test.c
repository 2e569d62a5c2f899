/* tui: a label with the official term beside it, never the term twice. */
#include "tests/unit/test.h"
#include "tui/values.h"

TEST(term_beside_a_translation)
{
	char buf[256];
	/* no catalogue is loaded here: F_() gives the msgid back */
	CHECK_STR(bilingual("Permanent Resident", "永住者", buf, sizeof buf),
	          "Permanent Resident（永住者）");
	CHECK_STR(bilingual("永住者", "永住者", buf, sizeof buf), "永住者");
	CHECK_STR(bilingual("Student", "", buf, sizeof buf), "Student");
	CHECK_STR(bilingual("Student", NULL, buf, sizeof buf), "Student");
}

/* Easy Japanese writes the term with its reading: that is the term. */
TEST(term_with_its_reading_is_not_repeated)
{
	char buf[256];
	CHECK_STR(bilingual("永住者（えいじゅうしゃ）", "永住者", buf, sizeof buf),
	          "永住者（えいじゅうしゃ）");
	/* a longer word that starts with the term is another word */
	CHECK_STR(bilingual("永住者の配偶者等", "永住者", buf, sizeof buf),
	          "永住者の配偶者等（永住者）");
}
