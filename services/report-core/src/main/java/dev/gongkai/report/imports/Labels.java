package dev.gongkai.report.imports;

import dev.gongkai.report.model.Section;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The words by which the format's titles, sections and rows are recognised, on the comparison form of
 * {@link TextNormalizer#label}. Rows are matched by the words only their label holds ("国家秘密", "另行制作"), not by
 * their numbering, so "1." repeating across groups, local annotations ("规章(地方政府规章)") and renumbering do not
 * matter; only "3.其他" needs its group.
 */
final class Labels {

    /** Longest comparison form a section title may have. */
    static final int MAX_SECTION_TITLE = 40;
    /** Longest comparison form a table row label may have (the longest national label has 37 chars). */
    static final int MAX_ROW_LABEL = 80;
    /** Longest comparison form of a report title line, chrome such as "当前位置:首页>…" included. */
    static final int MAX_TITLE = 160;

    private Labels() {}

    // ---- sections --------------------------------------------------------------------------------------------

    /** The section whose title the line is, or null. Numbered titles must carry their own numeral. */
    static Section section(String norm) {
        if (norm.isEmpty() || norm.length() > MAX_SECTION_TITLE) {
            return null;
        }
        int numeral = "一二三四五六".indexOf(norm.charAt(0));
        String body = norm;
        if (numeral >= 0) {
            int i = 1;
            if (i < norm.length() && "、.,:)．".indexOf(norm.charAt(i)) >= 0) {
                i++;
            }
            body = norm.substring(i);
        } else if (norm.startsWith("第") && norm.length() > 4 && norm.startsWith("部分", 2)) {
            numeral = "一二三四五六".indexOf(norm.charAt(1));
            body = norm.substring(norm.charAt(4) == ':' || norm.charAt(4) == '、' ? 5 : 4);
        }
        Section section = sectionOfBody(body);
        if (section == null) {
            return null;
        }
        if (numeral >= 0) {
            return section.ordinal() == numeral ? section : null;
        }
        // An unnumbered title must open with the national wording: a bare "行政复议" is a table header.
        return body.startsWith(UNNUMBERED[section.ordinal()]) ? section : null;
    }

    /** The section index of a line that is only a title's numeral ("一、", "二."), or -1. */
    static int sectionNumeral(String norm) {
        if (norm.length() != 2 || "、.,:．".indexOf(norm.charAt(1)) < 0) {
            return -1;
        }
        return "一二三四五六".indexOf(norm.charAt(0));
    }

    private static final String[] UNNUMBERED = {
        "总体情况", "主动公开政府信息", "收到和处理政府信息公开申请", "政府信息公开行政复议", "存在的主要问题", "其他需要报告",
    };

    private static Section sectionOfBody(String body) {
        if (body.startsWith("总体情况")
                || body.startsWith("概述")
                || body.startsWith("基本情况")
                || body.startsWith("总体概况")
                || body.startsWith("工作概况")) {
            return Section.S1;
        }
        if (body.contains("主动公开")) {
            return Section.S2;
        }
        if (body.contains("收到和处理")
                || body.contains("依申请公开")
                || (body.contains("申请") && body.contains("处理") && body.endsWith("情况"))) {
            return Section.S3;
        }
        if (body.contains("行政复议") || body.contains("行政诉讼")) {
            return Section.S4;
        }
        if (body.contains("存在的主要问题")
                || body.contains("存在问题")
                || (body.contains("问题") && (body.contains("改进") || body.contains("举措") || body.contains("措施")))) {
            return Section.S5;
        }
        if (body.contains("其他需要报告") || body.startsWith("其他事项") || body.startsWith("其他需要说明")) {
            return Section.S6;
        }
        return null;
    }

    // ---- report title ----------------------------------------------------------------------------------------

    /** Agency and year read from a title line. */
    record Title(String agency, Integer year) {}

    /** The agency and year of a title line such as "乌海市公安局2021年政府信息公开工作年度报告", or null. */
    static Title title(String norm) {
        if (norm.length() > MAX_TITLE) {
            return null;
        }
        int disclosure = norm.indexOf("政府信息公开");
        if (disclosure < 0) {
            disclosure = norm.indexOf("政务公开");
        }
        if (disclosure < 0 || (norm.indexOf("年度报告", disclosure) < 0 && norm.indexOf("年报", disclosure) < 0)) {
            return null;
        }
        // The year: four digits (or Chinese numerals) followed by 年, before 政府信息公开.
        int yearAt = -1;
        int year = 0;
        for (int i = 0; i + 4 < norm.length() && i < disclosure; i++) {
            int y = year(norm, i);
            if (y > 0 && norm.charAt(i + 4) == '年') {
                yearAt = i;
                year = y;
                break;
            }
        }
        if (yearAt < 0) {
            return null;
        }
        String before = norm.substring(0, yearAt);
        int afterYear = yearAt + 5;
        if (afterYear < norm.length() && norm.charAt(afterYear) == '度') {
            afterYear++;
        }
        String between = afterYear <= disclosure ? norm.substring(afterYear, disclosure) : "";
        String agency = stripChrome(before);
        if (agency.isEmpty()) {
            agency = between;
        }
        if (agency.endsWith("关于") || agency.endsWith("的")) {
            agency = agency.substring(0, agency.length() - (agency.endsWith("的") ? 1 : 2));
        }
        return new Title(agency.isEmpty() ? null : agency, year);
    }

    /**
     * Drops what a page puts before a title: "当前位置:首页>信息公开>", "标题:", "《", and what is left of a browser's
     * print header ("12/7/26, 4:38 AM"): an agency's name starts with a Chinese character.
     */
    private static String stripChrome(String before) {
        int cut = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '>' || c == ':' || c == '|' || c == '/' || c == '》' || c == '《' || c == '»' || c == '›' || c == '['
                    || c == ']') {
                cut = i + 1;
            }
        }
        while (cut < before.length()
                && Character.UnicodeScript.of(before.codePointAt(cut)) != Character.UnicodeScript.HAN) {
            cut += Character.charCount(before.codePointAt(cut));
        }
        return before.substring(cut);
    }

    /** The year written at {@code at} (four digits or Chinese numerals), or 0; bounds checked. */
    static int yearAt(String norm, int at) {
        return at >= 0 && at + 4 <= norm.length() ? year(norm, at) : 0;
    }

    /** The year written at {@code at} as four digits or four Chinese numerals ("二〇二一"), or 0. */
    private static int year(String norm, int at) {
        int year = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = digit(norm.charAt(i));
            if (digit < 0) {
                return 0;
            }
            year = year * 10 + digit;
        }
        return year >= 1990 && year <= 2100 ? year : 0;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int chinese = "〇一二三四五六七八九".indexOf(c);
        if (chinese >= 0) {
            return chinese;
        }
        return c == '零' || c == 'O' || c == 'o' ? 0 : -1;
    }

    // ---- dates and page chrome -------------------------------------------------------------------------------

    /**
     * The date a line consists of ("2022年01月19日", "2022年1月19日", "2022-01-19", "2022.1.19",
     * "二〇二二年一月十九日"), or null.
     */
    static LocalDate dateLine(String norm) {
        if (norm.length() < 8 || norm.length() > 16) {
            return null;
        }
        return date(norm, 0, true);
    }

    /**
     * The date a signature line ends with when the agency and the date share the line ("乌海市公安局 2022年1月19日"),
     * or null. Not a page's "发布日期:" line.
     */
    static LocalDate signatureWithDate(String norm) {
        int at = signatureDateStart(norm);
        return at < 0 ? null : date(norm, at, true);
    }

    /** Where the date of {@link #signatureWithDate} starts, or -1. */
    static int signatureDateStart(String norm) {
        if (norm.length() > 48 || isPublicationDateLine(norm) || norm.indexOf(':') >= 0) {
            return -1;
        }
        for (int i = 1; i + 8 <= norm.length(); i++) {
            if (year(norm, i) > 0 && digit(norm.charAt(i - 1)) < 0 && date(norm, i, true) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The first date in a short line ("发布日期:2022-01-19 来源:…"), or null. */
    static LocalDate dateIn(String norm) {
        if (norm.length() > MAX_TITLE) {
            return null;
        }
        for (int i = 0; i + 8 <= norm.length(); i++) {
            if (year(norm, i) > 0) {
                LocalDate date = date(norm, i, false);
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    private static LocalDate date(String norm, int at, boolean whole) {
        int year = year(norm, at);
        if (year == 0 || at + 4 >= norm.length()) {
            return null;
        }
        int i = at + 4;
        char separator = norm.charAt(i);
        if (separator != '年' && separator != '-' && separator != '.' && separator != '/') {
            return null;
        }
        int[] position = {i + 1};
        int month = smallNumber(norm, position);
        if (month <= 0 || position[0] >= norm.length()) {
            return null;
        }
        char second = norm.charAt(position[0]);
        if (separator == '年' ? second != '月' : second != separator) {
            return null;
        }
        position[0]++;
        int day = smallNumber(norm, position);
        if (day <= 0) {
            return null;
        }
        if (separator == '年') {
            if (position[0] >= norm.length() || (norm.charAt(position[0]) != '日' && norm.charAt(position[0]) != '号')) {
                return null;
            }
            position[0]++;
        }
        if (whole && position[0] != norm.length()) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** A month or day: one or two digits, or Chinese numerals up to 三十一. Advances position; 0 when none. */
    private static int smallNumber(String norm, int[] position) {
        int i = position[0];
        int value = 0;
        int digits = 0;
        while (i < norm.length() && digits < 2 && norm.charAt(i) >= '0' && norm.charAt(i) <= '9') {
            value = value * 10 + norm.charAt(i) - '0';
            i++;
            digits++;
        }
        if (digits > 0) {
            position[0] = i;
            return value;
        }
        // 一 … 九, 十, 十一 … 十九, 二十 … 三十一
        int tens = 0;
        int units = 0;
        boolean sawTen = false;
        while (i < norm.length() && i - position[0] < 3) {
            char c = norm.charAt(i);
            if (c == '十') {
                if (sawTen) {
                    break;
                }
                sawTen = true;
                tens = units == 0 ? 1 : units;
                units = 0;
            } else {
                int d = "〇一二三四五六七八九".indexOf(c);
                if (d <= 0) {
                    break;
                }
                units = d;
            }
            i++;
        }
        if (i == position[0]) {
            return 0;
        }
        position[0] = i;
        return tens * 10 + units;
    }

    private static final String[] CHROME_AFTER = {
        "版权所有", "打印本页", "关闭窗口", "[打印]", "[关闭]", "扫一扫", "ICP备", "网站标识码", "主办单位",
        "承办单位", "技术支持", "返回顶部", "分享到", "网站地图", "上一篇", "下一篇", "相关链接", "公网安备",
        "【打印】", "【关闭】", "[大中小]", "浏览次数", "访问量",
    };

    /** True when a short line is the page's furniture after the report (footer, print and close links). */
    static boolean isChromeAfter(String norm) {
        if (norm.length() > 40) {
            return false;
        }
        for (String marker : CHROME_AFTER) {
            if (norm.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** True when a line before the title carries the publication date ("发布日期:", "发布时间:", "日期:"). */
    static boolean isPublicationDateLine(String norm) {
        return norm.contains("发布日期")
                || norm.contains("发布时间")
                || norm.contains("成文日期")
                || norm.startsWith("日期")
                || norm.startsWith("时间");
    }

    // ---- table 二 --------------------------------------------------------------------------------------------

    /** The row of table 二 (the segment after "s2." or "s2v2019.") a label names, or null. */
    static String table2Row(String norm, boolean format2019) {
        if (norm.length() > MAX_ROW_LABEL || norm.contains("小计") || norm.contains("合计")) {
            return null;
        }
        if (norm.contains("规范性文件")) {
            return "normativeDocuments";
        }
        if (norm.startsWith("规章") || norm.endsWith("规章") || norm.contains(")规章")) {
            return "regulations";
        }
        if (norm.contains("行政许可")) {
            return "licensing";
        }
        if (norm.contains("行政处罚")) {
            return "penalties";
        }
        if (norm.contains("行政强制")) {
            return "coercion";
        }
        if (norm.contains("行政事业性收费") || norm.equals("收费")) {
            return "fees";
        }
        if (format2019 && norm.contains("对外管理服务")) {
            return "otherServices";
        }
        if (format2019 && norm.contains("集中采购")) {
            return "procurement";
        }
        return null;
    }

    /** Words only the 2019 format's table 二 holds. */
    static boolean isTable2v2019Word(String norm) {
        return norm.contains("本年新制作")
                || norm.contains("本年新公开")
                || norm.contains("对外公开总数")
                || norm.contains("上一年项目")
                || norm.contains("集中采购")
                || norm.contains("对外管理服务")
                || norm.contains("采购项目")
                || norm.contains("采购总金额");
    }

    /** Words only the 2021 format's table 二 holds. */
    static boolean isTable2v2021Word(String norm) {
        return norm.contains("本年制发")
                || norm.contains("本年废止")
                || norm.contains("现行有效")
                || norm.contains("本年处理决定")
                || norm.contains("本年收费金额");
    }

    // ---- table 三 --------------------------------------------------------------------------------------------

    /** Kinds of label cell in table 三. */
    enum Kind {
        ROW,
        GROUP,
        SPAN,
        HEADER,
        SUBTOTAL,
        UNKNOWN
    }

    /** A recognised label cell: its kind, the row (segment after "s3.") or group it names. */
    record Label3(Kind kind, String row, String group) {
        static final Label3 SPAN = new Label3(Kind.SPAN, null, null);
        static final Label3 HEADER = new Label3(Kind.HEADER, null, null);
        static final Label3 SUBTOTAL = new Label3(Kind.SUBTOTAL, null, null);
        static final Label3 UNKNOWN = new Label3(Kind.UNKNOWN, null, null);

        static Label3 row(String row) {
            return new Label3(Kind.ROW, row, null);
        }
    }

    private static final String[][] TABLE3_ROWS = {
        {"本年新收", "received"},
        {"上年结转", "carriedOver"},
        {"结转下年", "carriedForward"},
        {"部分公开", "partiallyGranted"},
        {"国家秘密", "denied.stateSecret"},
        {"禁止公开", "denied.lawProhibited"},
        {"三安全一稳定", "denied.safetyStability"},
        {"危及", "denied.safetyStability"},
        {"第三方", "denied.thirdPartyRights"},
        {"内部事务", "denied.internalAffairs"},
        {"过程性", "denied.processInformation"},
        {"执法案卷", "denied.enforcementFiles"},
        {"行政查询", "denied.administrativeQuery"},
        {"不掌握", "unavailable.notHeld"},
        {"另行制作", "unavailable.needsCreation"},
        {"没有现成", "unavailable.needsCreation"},
        {"仍不明确", "unavailable.unclearAfterCorrection"},
        {"信访", "notProcessed.petitionComplaint"},
        {"举报投诉", "notProcessed.petitionComplaint"},
        {"重复申请", "notProcessed.repeated"},
        {"出版物", "notProcessed.publication"},
        {"大量反", "notProcessed.massRepeated"},
        {"重新出具", "notProcessed.confirmation"},
        {"逾期不补正", "otherHandling.overdueCorrection"},
        {"缴纳费用", "otherHandling.overdueFee"},
        {"收费通知", "otherHandling.overdueFee"},
    };

    private static final KeywordIndex<Label3> TABLE3_ROW_INDEX = new KeywordIndex<>(java.util.Arrays.stream(TABLE3_ROWS)
            .map(r -> java.util.Map.entry(r[0], Label3.row(r[1])))
            .toList());

    private static final String[][] TABLE3_GROUPS = {
        {"不予公开", "denied"},
        {"无法提供", "unavailable"},
        {"不予处理", "notProcessed"},
        {"其他处理", "otherHandling"},
    };

    private static final String[] TABLE3_HEADERS = {
        "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计", "勾稽关系",
    };

    /**
     * What a label cell of table 三 names. {@code group} is the current result group ("otherHandling"), needed only
     * for "3.其他"; {@code afterResults} says whether result rows were met (a bare "总计" is then (七)总计).
     */
    static Label3 table3(String norm, String group, boolean afterResults) {
        if (norm.length() > MAX_ROW_LABEL) {
            return Label3.UNKNOWN;
        }
        if (norm.contains("小计") || norm.contains("合计")) {
            return Label3.SUBTOTAL;
        }
        if (norm.contains("勾稽关系")) {
            return Label3.HEADER;
        }
        Label3 row = TABLE3_ROW_INDEX.find(norm);
        if (row != null) {
            return row;
        }
        if (norm.contains("予以公开") && !norm.contains("不予")) {
            return Label3.row("granted");
        }
        if (norm.contains("办理结果")) {
            return Label3.SPAN;
        }
        for (String[] g : TABLE3_GROUPS) {
            if (norm.contains(g[0])) {
                return new Label3(Kind.GROUP, null, g[1]);
            }
        }
        if (norm.contains("总计") && (norm.contains("七") || (afterResults && norm.length() <= 4))) {
            return Label3.row("handledTotal");
        }
        String bare = stripNumbering(norm);
        if (bare.startsWith("其他") && "otherHandling".equals(group) && isDigitsOrEmpty(bare.substring(2))) {
            return Label3.row("otherHandling.other");
        }
        for (String header : TABLE3_HEADERS) {
            if (bare.equals(header)) {
                return Label3.HEADER;
            }
        }
        return Label3.UNKNOWN;
    }

    /** True for "" and a run of digits (values glued to a label). */
    private static boolean isDigitsOrEmpty(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "3.其他" → "其他"; "(3)其他", "3、其他", "③其他" (after NFKC "(3)其他") likewise. */
    static String stripNumbering(String norm) {
        int i = 0;
        int n = norm.length();
        if (i < n && norm.charAt(i) == '(') {
            i++;
        }
        int digits = i;
        while (i < n && (Character.isDigit(norm.charAt(i)) || "一二三四五六七八九十".indexOf(norm.charAt(i)) >= 0)) {
            i++;
        }
        if (i == digits) {
            return norm;
        }
        if (i < n && ".、),:".indexOf(norm.charAt(i)) >= 0) {
            i++;
        }
        return norm.substring(i);
    }

    /** True when table 三's header names a 法人或其他组织小计 column. */
    static boolean isSubtotalColumn(String norm) {
        return norm.contains("小计") && norm.length() <= 20;
    }

    /** Index of a header word among the five organisation columns (商业企业 … 其他), or -1. */
    static int organisationColumn(String norm) {
        String bare = stripNumbering(norm);
        return switch (bare) {
            case "商业企业" -> 0;
            case "科研机构" -> 1;
            case "社会公益组织" -> 2;
            case "法律服务机构" -> 3;
            case "其他" -> 4;
            default -> -1;
        };
    }
}
