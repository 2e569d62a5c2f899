/* Column arithmetic and line breaking of the console (tui/width.c). */
#include "tests/unit/test.h"
#include "tui/width.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static void
utf8(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

/* The lines of s wrapped at cols, joined by '|'. */
static const char *
wrapped(const char *s, int cols)
{
	static char out[1024];
	size_t next;
	out[0] = '\0';
	while (*s) {
		size_t n = width_wrap(s, cols, &next);
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%.*s", len ? "|" : "", (int)n, s);
		if (next == 0)
			break;
		s += next;
	}
	return out;
}

TEST(widths_of_scripts)
{
	utf8();
	CHECK_INT(width_str("abc"), 3);
	CHECK_INT(width_str("山田"), 4);
	CHECK_INT(width_str("ｶﾞ"), 2);        /* half-width kana: one column each */
	CHECK_INT(width_str("Nguyễn"), 6);    /* precomposed Vietnamese */
	CHECK_INT(width_str("e\xcc\x81"), 1); /* e + combining acute */
	CHECK_INT(width_str("नमस्ते"), 4);      /* Devanagari with a virama and signs */
	CHECK_INT(width_str("\xff\xfe"), 2);  /* invalid bytes: one column each */
}

TEST(fit_never_splits_a_character)
{
	utf8();
	CHECK_INT(width_fit("山田花子", 5), strlen("山田"));
	CHECK_INT(width_fit("山田花子", 1), 0);
	CHECK_INT(width_fit("ab山", 3), 2);
}

TEST(wrap_latin_at_spaces)
{
	utf8();
	CHECK_STR(wrapped("the quick brown fox", 10), "the quick|brown fox");
	CHECK_STR(wrapped("abcdefghijkl", 5), "abcde|fghij|kl");
}

TEST(wrap_japanese_between_characters)
{
	utf8();
	/* No spaces: breaks between characters, never more than 10 columns. */
	CHECK_STR(wrapped("窓口でこのコードを見せてください", 10),
	          "窓口でこの|コードを見|せてくださ|い");
}

TEST(wrap_japanese_keeps_punctuation_off_line_starts)
{
	utf8();
	/* 、 may not begin a line: the break moves one character earlier. */
	CHECK_STR(wrapped("あいうえ、かきくけこ", 8), "あいう|え、かき|くけこ");
	/* 「 may not end a line. */
	CHECK_STR(wrapped("あいう「かき」くけ", 8), "あいう|「かき」|くけ");
}

TEST(wrap_mixed_text)
{
	utf8();
	CHECK_STR(wrapped("Show 窓口 code", 9), "Show 窓口|code");
	CHECK_STR(wrapped("Show 窓口 code", 8), "Show|窓口|code");
	/* A space early in the line does not leave it half empty. */
	CHECK_STR(wrapped("a 窓口でこのコードを見せて", 12), "a 窓口でこの|コードを見せ|て");
	CHECK_INT(width_wrapped_lines("一二三四五六七八九十", 4), 5);
}

TEST(prev_next_char_step_over_utf8)
{
	utf8();
	const char *s = "a山b";
	CHECK_INT(width_next_char(s, strlen(s), 0), 1);
	CHECK_INT(width_next_char(s, strlen(s), 1), 4);
	CHECK_INT(width_prev_char(s, 4), 1);
	CHECK_INT(width_prev_char(s, 1), 0);
}
