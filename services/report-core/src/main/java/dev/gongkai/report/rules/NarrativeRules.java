package dev.gongkai.report.rules;

import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The narrative sections exist, and agree with the report's year and tables. */
final class NarrativeRules {

    private NarrativeRules() {}

    static List<Rule> all() {
        return List.of(new Missing(), new Year(), new Number());
    }

    /** Removes whitespace and punctuation, so that "（无）" and "无。" read as "无". */
    static String bare(String text) {
        StringBuilder bare = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(bare::appendCodePoint);
        return bare.toString();
    }

    private static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** "无", "（无）", "暂无。": a section that only says there is nothing. */
    private static boolean saysNone(String text) {
        if (text.length() > 16) {
            return false;
        }
        String bare = bare(text);
        return bare.equals("无") || bare.equals("暂无") || bare.equals("没有");
    }

    static String excerpt(String text, int from, int length) {
        int end = Math.min(text.length(), from + length);
        return text.substring(from, end) + (end < text.length() ? "…" : "");
    }

    private static final class Missing implements Rule {
        @Override
        public RuleId id() {
            return RuleId.NARRATIVE_MISSING;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            for (Section section : Section.NARRATIVES) {
                String text = grid.report.narrative(section);
                if (text == null || !hasLetterOrDigit(text)) {
                    findings.add(Finding.of(
                            id(),
                            List.of(section.key()),
                            "「%s」没有内容%s".formatted(section.titleZh(), section == Section.S6 ? "（没有其他事项时请写“无”）" : ""),
                            "Section \"%s\" is empty%s"
                                    .formatted(
                                            section.titleEn(),
                                            section == Section.S6
                                                    ? " (write \"无\" when there is nothing to report)"
                                                    : "")));
                } else if (section == Section.S5 && saysNone(text)) {
                    findings.add(Finding.of(
                            id(),
                            List.of(section.key()),
                            "「%s」只写了“%s”：应说明存在的主要问题和改进情况".formatted(section.titleZh(), text.strip()),
                            "Section \"%s\" only says \"%s\": it must name the main problems and the improvements"
                                    .formatted(section.titleEn(), text.strip())));
                }
            }
        }
    }

    /**
     * A clause that opens with another year, "2020年，市公安局……", in a report on 2021 usually means last year's
     * text was copied. The year after the report year is left alone: plans are written that way.
     */
    private static final class Year implements Rule {
        @Override
        public RuleId id() {
            return RuleId.NARRATIVE_YEAR;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            Integer year = grid.report.year();
            if (year == null) {
                return;
            }
            for (Section section : List.of(Section.S1, Section.S5)) {
                String text = grid.report.narrative(section);
                if (text == null) {
                    continue;
                }
                List<String> quotes = new ArrayList<>();
                int other = 0;
                for (int at = text.indexOf('年'); at >= 4 && quotes.size() < 3; at = text.indexOf('年', at + 1)) {
                    int named = yearBefore(text, at);
                    if (named < 0
                            || named == year
                            || named == year + 1
                            || named < year - 30
                            || named > year + 1
                            || !opensClause(text, at - 4)
                            || !speaksOfWork(text, at + 1)) {
                        continue;
                    }
                    other = named;
                    quotes.add(excerpt(text, at - 4, 24));
                }
                if (!quotes.isEmpty()) {
                    // Concatenation, not String.formatted: copied text is common and this runs on every check.
                    findings.add(Finding.of(
                            id(),
                            List.of(section.key()),
                            "「" + section.titleZh() + "」把 " + other + " 年的工作写成本年度工作：“"
                                    + String.join("”“", quotes) + "”，但本报告是 " + year
                                    + " 年度报告，是否沿用了往年文字？",
                            "Section \"" + section.titleEn() + "\" speaks of " + other + " as the year of the work: \""
                                    + String.join("\", \"", quotes) + "\", but the report is on " + year
                                    + ": was earlier text copied?"));
                }
            }
        }

        /** The four digits before {@code at}, or -1. */
        private static int yearBefore(String text, int at) {
            int value = 0;
            for (int i = at - 4; i < at; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return at - 5 >= 0 && Character.isDigit(text.charAt(at - 5)) ? -1 : value;
        }

        private static boolean opensClause(String text, int start) {
            if (start == 0) {
                return true;
            }
            char before = text.charAt(start - 1);
            return "\n。；;！!？?）)】".indexOf(before) >= 0;
        }

        /** "2020年，" "2020年度，" "2020年以来" "2020年全年": the year stands as the time of the work. */
        private static boolean speaksOfWork(String text, int after) {
            if (after >= text.length()) {
                return false;
            }
            char next = text.charAt(after);
            if (next == ',' || next == '，' || next == '、') {
                return true;
            }
            return text.startsWith("度", after)
                    || text.startsWith("以来", after)
                    || text.startsWith("全年", after)
                    || text.startsWith("我", after)
                    || text.startsWith("本", after)
                    || text.startsWith("市", after);
        }
    }

    /** A count the narrative states must be the table's count. */
    private static final class Number implements Rule {

        private record Claim(
                String anchor,
                Pattern pattern,
                List<String> cells,
                String zh,
                String en,
                Map<ReportFormat, int[]> indexes) {

            Claim(String anchor, Pattern pattern, List<String> cells, String zh, String en) {
                this(anchor, pattern, cells, zh, en, new EnumMap<>(ReportFormat.class));
                for (ReportFormat format : ReportFormat.values()) {
                    indexes.put(
                            format,
                            cells.stream()
                                    .mapToInt(key -> CellGrid.index(format, key))
                                    .toArray());
                }
            }

            int[] indexes(ReportFormat format) {
                return indexes.get(format);
            }

            /**
             * The next occurrence of the anchor from {@code from}, found by its last character: the first ones
             * (新, 上, 行) are everywhere in government prose, the last ones (收, 转, 度, 议, 讼) are rare, and a
             * char search is much faster than a string search on the long narratives checked on every keystroke.
             */
            int find(String text, int from) {
                int last = anchor.length() - 1;
                char rare = anchor.charAt(last);
                for (int at = text.indexOf(rare, from + last); at >= 0; at = text.indexOf(rare, at + 1)) {
                    if (text.startsWith(anchor, at - last)) {
                        return at - last;
                    }
                }
                return -1;
            }
        }

        private static final List<Claim> CLAIMS = List.of(
                new Claim(
                        "新收",
                        Pattern.compile("新收[^。；，,\\d]{0,16}?(\\d+)件"),
                        List.of("s3.received.total"),
                        "本年新收申请",
                        "applications received"),
                new Claim(
                        "上年结转",
                        Pattern.compile("上年结转[^。；，,\\d]{0,16}?(\\d+)件"),
                        List.of("s3.carriedOver.total"),
                        "上年结转申请",
                        "applications carried over"),
                new Claim(
                        "结转下年度",
                        Pattern.compile("结转下年度[^。；，,\\d]{0,12}?(\\d+)件"),
                        List.of("s3.carriedForward.total"),
                        "结转下年度继续办理",
                        "applications carried forward"),
                new Claim(
                        "行政复议",
                        Pattern.compile("行政复议[^。；，,\\d]{0,8}?(\\d+)件"),
                        List.of("s4.review.total"),
                        "行政复议",
                        "administrative reviews"),
                new Claim(
                        "行政诉讼",
                        Pattern.compile("行政诉讼[^。；，,\\d]{0,8}?(\\d+)件"),
                        List.of("s4.litigationDirect.total", "s4.litigationAfterReview.total"),
                        "行政诉讼",
                        "lawsuits"));

        @Override
        public RuleId id() {
            return RuleId.NARRATIVE_NUMBER;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            String text = grid.report.narrative(Section.S1);
            if (text == null) {
                return;
            }
            ReportFormat format = grid.report.format();
            for (Claim claim : CLAIMS) {
                int at = claim.find(text, 0);
                if (at < 0) {
                    continue;
                }
                int[] cells = claim.indexes(format);
                if (!grid.allWhole(cells)) {
                    continue;
                }
                long table = 0;
                for (int cell : cells) {
                    table += grid.value(cell);
                }
                Matcher matcher = claim.pattern.matcher(text);
                for (; at >= 0; at = claim.find(text, at + 1)) {
                    matcher.region(at, text.length());
                    if (!matcher.lookingAt() || matcher.group(1).length() > 9) {
                        continue;
                    }
                    long stated = Long.parseLong(matcher.group(1));
                    if (stated != table) {
                        findings.add(Finding.of(
                                id(),
                                concat(List.of("s1"), claim.cells),
                                "总体情况写到“%s”（%s %d 件），但表格中为 %d 件".formatted(matcher.group(), claim.zh, stated, table),
                                "The narrative says \"%s\" (%s: %d), but the table says %d"
                                        .formatted(matcher.group(), claim.en, stated, table)));
                    }
                    break;
                }
            }
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
