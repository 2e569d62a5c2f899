/*
 * The 47 prefectures (都道府県, 地方自治法 第1条の3 and its 別表), so that
 * the start of an address can be read as its prefecture: a name that is the
 * start of another (京都 in 京都府) cannot be mistaken, as every name ends
 * in 都, 道, 府 or 県.
 */
#include "engine/internal.h"

#include <string.h>

static const char *const prefectures[] = {
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県",   "福島県", "茨城県",
        "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
        "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",   "愛知県", "三重県",
        "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
        "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県",   "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
};

size_t
town_prefix_len(const char *address)
{
	size_t pref = prefecture_prefix_len(address);
	const char *digit = pref ? block_first_digit(address + pref) : NULL;
	return digit && digit > address + pref ? (size_t)(digit - address) : 0;
}

size_t
prefecture_prefix_len(const char *address)
{
	if (!address)
		return 0;
	for (size_t i = 0; i < sizeof prefectures / sizeof *prefectures; i++) {
		size_t n = strlen(prefectures[i]);
		if (strncmp(address, prefectures[i], n) == 0)
			return n;
	}
	return 0;
}
