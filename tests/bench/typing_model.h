/*
 * What typing a text costs a person at a Japanese keyboard with an input
 * method (the model tests/bench/keystrokes.c states in its header):
 *
 *   - ASCII (Latin letters, digits, -, /, spaces): one key per character;
 *   - Japanese text, run by run: the romaji keys of its reading (MeCab
 *     with the IPA dictionary reads kanji: 佐藤 is サトウ, s a t o u), one
 *     key (Space) per word that holds kanji to convert it, one (F7) per
 *     word written in katakana, and one Enter to confirm the run;
 *   - romaji per kana: a vowel 1, ん 2 (nn), っ 1 (the doubled consonant),
 *     a small ゃゅょぁぃぅぇぉ 1 after its kana (きゃ k y a: 3), ー 1, any
 *     other kana 2;
 *   - a word MeCab cannot read: 2 keys per kanji and its conversion.
 */
#ifndef YORISOI_BENCH_TYPING_MODEL_H
#define YORISOI_BENCH_TYPING_MODEL_H

/* Starts MeCab; returns -1 (with a message on stderr) when it cannot. */
int typing_model_init(void);
void typing_model_done(void);

/* Keys to type s (UTF-8), without the Enter that ends the answer. */
long typing_keys(const char *s);

#endif
