/* The counter's cover sheet (tui/cover.h). Its words are fixed Japanese:
 * the sheet is for the clerk, as the Japanese summary is. */
#include "tui/cover.h"

#include "tui/jis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
dup(const char *s)
{
	char *d = strdup(s);
	if (!d)
		abort();
	return d;
}

size_t
cover_related(const answers *a, char ***out)
{
	const form *f = answers_form(a);
	size_t n = 0, all = form_next_count(f);
	char **v = calloc(all ? all : 1, sizeof *v);
	if (!v)
		abort();
	for (size_t i = 0; i < all; i++)
		if (form_next_applies(a, i))
			v[n++] = dup(form_next_term(f, i));
	*out = v;
	return n;
}

/* "異動者 2 氏名：髙橋 一郎 — 髙（JIS X 0213 にもない文字）" */
static size_t
cover_marks(const answers *a, char ***out)
{
	jis_mark *m = NULL;
	size_t n = jis_marks(a, &m);
	char **v = calloc(n ? n : 1, sizeof *v);
	if (!v)
		abort();
	for (size_t i = 0; i < n; i++) {
		char where[256], line[1200];
		jis_mark_where(&m[i], where, sizeof where);
		snprintf(line, sizeof line, "%s：%s — %s（%s）", where, m[i].value, m[i].chars,
		         m[i].worst == JIS_NEITHER ? "JIS X 0208・0213 のどちらにもない文字を含む"
		                                   : "JIS X 0213 の文字");
		v[i] = dup(line);
	}
	free(m);
	*out = v;
	return n;
}

static void
line(tui_cover *c, size_t i, const char *label, const char *value)
{
	snprintf(c->text[i], sizeof c->text[i], "%s", value);
	c->lines[i] = (handoff_slip_line){label, c->text[i]};
}

const char *
cover_made(const handoff_origin *o, char *buf, size_t n)
{
	char era[64];
	if (!o || !o->made[0] || date_format_era(o->made, era, sizeof era) != 0)
		snprintf(buf, n, "%s", "");
	else
		snprintf(buf, n, "%s（%s）", era, o->made);
	return buf;
}

void
cover_build(tui_cover *c, const answers *a, const handoff_origin *o, const char *lang)
{
	const form *f = answers_form(a);
	char buf[320], id[9];
	size_t k = 0;

	memset(c, 0, sizeof *c);
	snprintf(buf, sizeof buf, "%s（%s 第%d版）", form_title(f), form_id(f), form_version(f));
	line(c, k++, "届出書", buf);
	if (o && o->desk) {
		handoff_keyid_hex(o->desk->id, id);
		snprintf(buf, sizeof buf, "%s（%s）",
		         o->desk->name[0] ? o->desk->name : "名称未設定", id);
		line(c, k++, "作成窓口", buf);
		line(c, k++, "コードの確認",
		     o->sealed ? "署名を検証済み・市の鍵で開封済み" : "署名を検証済み");
		cover_made(o, buf, sizeof buf);
		line(c, k++, "作成日", buf[0] ? buf : "記録なし（日付を持たない形式4のコード）");
	} else {
		line(c, k++, "作成窓口", "なし（回答ファイルから作成。署名の確認なし）");
	}
	if (lang && lang[0])
		line(c, k++, "利用者の言語", lang);
	for (size_t i = 0; i < form_repeat_count(f) && k < COVER_LINES; i++) {
		const form_repeat *r = form_repeat_at(f, i);
		snprintf(buf, sizeof buf, "%d", answers_repeat_count(a, repeat_id(r)));
		line(c, k++, repeat_term(r), buf);
	}
	c->nrelated = cover_related(a, &c->related);
	c->nmarks = cover_marks(a, &c->marks);
	c->lists[0] = (handoff_cover_list){"あわせて必要な手続き", (const char *const *)c->related,
	                                   c->nrelated, "なし"};
	c->lists[1] = (handoff_cover_list){"確認が必要な文字（JIS X 0208 にない文字。字形を確認し、"
	                                   "必要なら訂正してください）",
	                                   (const char *const *)c->marks, c->nmarks, "なし"};
	c->cover = (handoff_cover){"窓口確認票", c->lines, k, c->lists, 2};
}

void
cover_free(tui_cover *c)
{
	for (size_t i = 0; i < c->nrelated; i++)
		free(c->related[i]);
	for (size_t i = 0; i < c->nmarks; i++)
		free(c->marks[i]);
	free(c->related);
	free(c->marks);
	memset(c, 0, sizeof *c);
}
