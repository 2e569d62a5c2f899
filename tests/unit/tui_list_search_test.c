/* tui: the first letters of a line of a list find it, in any script. */
#include "tests/unit/test.h"
#include "tui/console/list_search.h"

#include <string.h>

static list_search
typed(const wchar_t *w)
{
	list_search s = {0};
	for (; *w; w++)
		list_search_add(&s, (wint_t)*w, false);
	return s;
}

TEST(first_letters_of_the_line_or_a_word)
{
	list_search s = typed(L"stu");
	CHECK(list_search_matches(&s, "Student（留学）"));
	CHECK(!list_search_matches(&s, "Trainee（研修）"));
	s = typed(L"tud"); /* inside a word: no */
	CHECK(!list_search_matches(&s, "Student（留学）"));
	s = typed(L"res"); /* a later word */
	CHECK(list_search_matches(&s, "Long-Term Resident（定住者）"));
	s = typed(L"STU"); /* either case */
	CHECK(list_search_matches(&s, "student"));
}

TEST(the_term_and_other_scripts)
{
	list_search s = typed(L"定");
	CHECK(list_search_matches(&s, "Long-Term Resident（定住者）"));
	s = typed(L"ベト");
	CHECK(list_search_matches(&s, "Việt Nam（ベトナム）"));
	s = typed(L"việ");
	CHECK(list_search_matches(&s, "Việt Nam（ベトナム）"));
	s = typed(L"Đ");
	CHECK(list_search_matches(&s, "đại học"));
}

/* A digit, a space or a function key forgets the word. */
TEST(other_keys_forget_the_word)
{
	list_search s = typed(L"stu");
	CHECK(!list_search_add(&s, L'1', false));
	CHECK(!list_search_matches(&s, "Student"));
	s = typed(L"stu");
	CHECK(!list_search_add(&s, 0x102 /* KEY_DOWN */, true));
	CHECK_INT((int)s.len, 0);
}
