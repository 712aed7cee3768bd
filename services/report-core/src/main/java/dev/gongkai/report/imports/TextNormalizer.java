package dev.gongkai.report.imports;

import java.text.Normalizer;

/**
 * Brings a cell to the one form labels are compared in: no whitespace at all ("自 然 人" is 自然人), full-width
 * letters, digits and punctuation made half-width ("（一）" is "(一)"), quotes dropped, dashes made '-', and the
 * Traditional characters of the format's labels and titles (as mirror sites convert them) made Simplified.
 *
 * <p>One pass over the chars; {@link Normalizer} (NFKC) runs only when a cell holds a compatibility character the
 * pass does not know (Kangxi radicals from PDF fonts, circled digits, "㈠"), so the common case allocates one
 * string per cell.
 */
final class TextNormalizer {

    /**
     * Traditional → Simplified, pairs of chars: the characters of the national labels, section titles, report
     * titles, page chrome and common agency names. Deliberately not a general converter: a one-char table keeps
     * normalisation linear and allocation-free, and matching only needs the words the format uses.
     */
    private static final String TRADITIONAL_SIMPLIFIED = "開开報报總总體体況况動动關关規规範范廢废現现許许處处罰罚強强業业費费額额單单萬万請请數数結结轉转辦办"
            + "項项區区計计這这屬属於于國国穩稳護护權权類类內内務务過过執执詢询無无沒没製制補补後后確确訪访舉举"
            + "訴诉複复復复當当認认獲获機机繳缴納纳續续繼继議议訟讼維维糾纠審审經经問问題题進进條条發发決决組组"
            + "織织構构會会員员門门時时間间號号頁页網网為为與与並并眾众準准歷历實实際际應应戶户嚴严個个"
            + "烏乌縣县鎮镇廳厅衛卫農农財财環环資资監监質质檢检藥药態态氣气統统稅税醫医療疗設设運运輸输園园"
            + "東东廣广蘇苏遼辽龍龙貴贵雲云陝陕寧宁蘭兰陽阳長长慶庆廈厦漢汉濟济鄭郑爾尔濱滨鄉乡電电來来權权"
            + "佈布閉闭擊击瀏浏覽览錄录範范見见總总產产採采購购減减對对級级縣县區区劃划歸归參参"
            + "證证據据際际專专項项標标題题負负責责務务聯联繫系圖图書书記记錄录辦办"
            + "術术備备識识說说鏈链頂顶碼码掃扫";

    private static final char[] SIMPLIFIED = new char[0x10000];

    static {
        for (int c = 0; c < SIMPLIFIED.length; c++) {
            SIMPLIFIED[c] = (char) c;
        }
        for (int i = 0; i + 1 < TRADITIONAL_SIMPLIFIED.length(); i += 2) {
            SIMPLIFIED[TRADITIONAL_SIMPLIFIED.charAt(i)] = TRADITIONAL_SIMPLIFIED.charAt(i + 1);
        }
    }

    private TextNormalizer() {}

    /** The comparison form of a cell (see the class comment). */
    static String label(String raw) {
        if (needsCompatibilityMapping(raw)) {
            raw = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        }
        int length = raw.length();
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            char mapped = map(c);
            if (mapped != c || out != null) {
                if (out == null) {
                    out = new StringBuilder(length);
                    out.append(raw, 0, i);
                }
                if (mapped != 0) {
                    out.append(mapped);
                }
            }
        }
        return out == null ? raw : out.toString();
    }

    /** One char in comparison form; 0 when it is dropped. */
    private static char map(char c) {
        if (c < 0x80) {
            return c <= ' ' || c == '"' || c == '\'' ? 0 : c;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            char half = (char) (c - 0xFEE0);
            return half == '"' || half == '\'' ? 0 : half;
        }
        return switch (c) {
            case '\u00A0',
                    '\u3000',
                    '\u200B',
                    '\u200C',
                    '\u200D',
                    '\u2060',
                    '\uFEFF',
                    '\u2028',
                    '\u2029',
                    '\u1680',
                    '\u202F',
                    '\u205F' -> 0;
            case '\u201C',
                    '\u201D',
                    '\u2018',
                    '\u2019',
                    '\u300C',
                    '\u300D',
                    '\u300E',
                    '\u300F',
                    '\u301D',
                    '\u301E',
                    '\u201E',
                    '\u00AB',
                    '\u00BB' -> 0;
            case '\u2010',
                    '\u2011',
                    '\u2012',
                    '\u2013',
                    '\u2014',
                    '\u2015',
                    '\u2212',
                    '\uFE58',
                    '\uFE63',
                    '\u2500',
                    '\u2501',
                    '\u30FC',
                    '\uFF70' -> '-';
            case '\u3010' -> '[';
            case '\u3011' -> ']';
            case '\u3014' -> '(';
            case '\u3015' -> ')';
            case '\uFF64' -> '、';
            case '\u2236' -> ':';
            default -> {
                if (c >= '\u2000' && c <= '\u200A') {
                    yield 0;
                }
                yield SIMPLIFIED[c];
            }
        };
    }

    /** True when the cell holds a character only NFKC maps (compatibility ideographs, radicals, enclosed forms). */
    private static boolean needsCompatibilityMapping(String raw) {
        for (int i = 0, n = raw.length(); i < n; i++) {
            char c = raw.charAt(i);
            if (c < 0x2150) {
                continue;
            }
            if ((c >= 0x2150 && c <= 0x218F) // number forms (Ⅰ, ⅰ)
                    || (c >= 0x2460 && c <= 0x24FF) // enclosed alphanumerics (①, ⑴, ⒈)
                    || (c >= 0x2E80 && c <= 0x2FDF) // CJK radicals, Kangxi radicals
                    || (c >= 0x3200 && c <= 0x33FF) // enclosed CJK (㈠), compatibility
                    || (c >= 0xF900 && c <= 0xFAFF) // CJK compatibility ideographs
                    || (c >= 0xFE10 && c <= 0xFE1F) // vertical forms
                    || (c >= 0xFE30 && c <= 0xFE6F) // CJK compatibility forms, small forms
                    || (c >= 0xFF5F && c <= 0xFFEF)) { // half-width forms
                return true;
            }
        }
        return false;
    }

    /** Trims whitespace including the ideographic space and no-break space (Java's strip misses U+00A0). */
    static String trim(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == raw.length() ? raw : raw.substring(start, end);
    }

    static boolean isSpace(char c) {
        if (c <= ' ') {
            return true;
        }
        if (c < 0x80) {
            return false;
        }
        return c == '\u00A0' || c == '\u3000' || c == '\uFEFF' || c == '\u200B' || Character.isWhitespace(c);
    }
}
