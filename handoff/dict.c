/*
 * The preset DEFLATE dictionaries of handoff format versions 3 to 6.
 *
 * Both ends must hold exactly these bytes: the envelope's version byte
 * names the dictionary, so changing one byte here means a new format
 * version (docs/handoff-format.md lists the words and the SHA-256, and
 * tests/unit/handoff_zip_test.c pins them). The dictionary is the text
 * code (textcode.c) of the words below, concatenated without separators,
 * so that its strings match the serialisation's texts. DEFLATE reaches back
 * at most 32 KiB and shorter distances cost fewer bits, so the most
 * frequent strings come last.
 */
#include "handoff/internal.h"

#include <stdlib.h>

/* clang-format off */
#define DICT_V1 \
	/* languages and form ids */ \
	"zh-Hanszh-Hantkovitlnept-BRidmyja@easy" \
	"tenshutsutennyutenkyojuminhyo" \
	/* purposes and documents */ \
	"パスポート運転免許自動車登録銀行口座年金就職入学相続不動産登記" \
	"勤務先学校会社官公署提出のため手続き確認" \
	"住民票の写し住民票コード個人番号本籍筆頭者続柄世帯全員世帯の一部" \
	"国民健康保険児童手当" \
	/* relationships */ \
	"同居人祖父祖母長男長女次男次女孫兄姉弟妹父母夫妻子代理人本人世帯主" \
	/* large cities and the wards of Tokyo */ \
	"札幌市仙台市さいたま市千葉市川崎市相模原市新潟市浜松市名古屋市" \
	"京都市大阪市堺市神戸市岡山市広島市北九州市福岡市熊本市横浜市" \
	"千代田区中央区港区新宿区文京区台東区墨田区江東区品川区目黒区大田区" \
	"世田谷区渋谷区中野区杉並区豊島区北区荒川区板橋区練馬区足立区葛飾区江戸川区" \
	/* the prefectures */ \
	"北海道青森県岩手県宮城県秋田県山形県福島県茨城県栃木県群馬県埼玉県千葉県" \
	"新潟県富山県石川県福井県山梨県長野県岐阜県静岡県愛知県三重県滋賀県京都府" \
	"兵庫県奈良県和歌山県鳥取県島根県岡山県広島県山口県徳島県香川県愛媛県高知県" \
	"福岡県佐賀県長崎県熊本県大分県宮崎県鹿児島県沖縄県神奈川県大阪府東京都" \
	/* building and address words */ \
	"レジデンスハウスハイツコーポアパートマンション大字字郡村町" \
	"一丁目二丁目三丁目四丁目五丁目番地号室丁目番号市区"

/* Names in katakana; from format 6 also at the end in the kana fields'
 * one-byte code, where readings match them. */
#define KANA_NAMES \
	"シルバサントスオリベイラソウザガルシアレイエスクルスマガルライタパグルンシュレスタチェパクキムリュウチャンワン" \
	"ホアンファムチャンレティヴァングエン" \
	"ヤマザキモリイケダハシモトアベイシカワシミズハヤシキムライノウエマツモトヤマグチササキヤマダヨシダカトウ" \
	"コバヤシナカムラヤマモトイトウワタナベタナカタカハシスズキサトウ"

/* Then the vocabulary of the household forms, where references are
 * cheapest: residence statuses, nationalities, the most common names in
 * Latin letters, katakana and kanji, work, insurers, clinics, banks,
 * relationships and address words. */
static const char words[] = DICT_V1
	/* residence statuses and categories (在留資格, 法第30条の45) */
	"外交公用教授芸術宗教報道高度専門職法律・会計業務医療研究教育企業内転勤興行文化活動短期滞在研修特定活動"
	"経営・管理技能実習特定技能介護留学日本人の配偶者等永住者の配偶者等定住者特別永住者永住者家族滞在技術・人文知識・国際業務"
	"在留カード特別永住者証明書在留期間"
	/* nationalities and regions */
	"アメリカイギリスフランスドイツカナダオーストラリアインドパキスタンバングラデシュスリランカタイペルー"
	"モンゴルカンボジアウズベキスタン台湾ミャンマーインドネシアネパールブラジルフィリピン韓国中国ベトナム"
	/* names in Latin letters */
	"SILVASANTOSGARCIAREYESCRUZGURUNGTHAPASHRESTHAPARKLEEKIMCHENLIUZHANGWANGHOANGPHAMTRANLENGUYEN"
	/* names in katakana */
	KANA_NAMES
	/* surnames */
	"石川阿部橋本池田森山崎清水林木村井上松本山口佐々木山田吉田加藤小林中村山本伊藤渡辺田中高橋鈴木佐藤"
	/* work, insurance, medical, banks */
	"会社員自営業公務員学生パートアルバイト無職全国健康保険協会健康保険組合共済組合後期高齢者医療広域連合"
	"病院医院診療所クリニック内科整形外科銀行信用金庫信用組合農業協同組合ゆうちょ銀行支店出張所本店"
	/* relationships (続柄) and address words */
	"子の妻妻の子夫（未届）妻（未届）縁故者番地の号棟階マンションハイツ号室号番丁目";
/* clang-format on */

static const char kana_names[] = KANA_NAMES;

/* Formats 4 and 5: the words' text code. Format 6: the same, then the
 * names in katakana again in the kana fields' code. */
const unsigned char *
handoff_dict(int format, size_t *len)
{
	static handoff_buf coded[2]; /* made once each, kept for the process */
	handoff_buf *d = &coded[format >= 6];

	if (d->len == 0) {
		if (handoff_text_encode(words, sizeof words - 1, TEXT_PLAIN, d) != 0)
			abort(); /* the words are fixed UTF-8: cannot happen */
		if (format >= 6 &&
		    handoff_text_encode(kana_names, sizeof kana_names - 1, TEXT_KANA_BYTE, d) != 0)
			abort();
	}
	*len = d->len;
	return d->p;
}
