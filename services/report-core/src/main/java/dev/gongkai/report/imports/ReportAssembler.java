package dev.gongkai.report.imports;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.RuleId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises the report in a source's lines, whatever the source type: the title (agency, year), the six sections
 * by their titles, the narratives, tables 二 and 三 by their row labels and table 四 by position, the signature
 * date. Everything it cannot find is reported as a {@code STRUCTURE} finding; cells the source does not hold stay
 * absent. Only input with nothing of the format in it is refused ({@code NOT_A_REPORT}).
 *
 * <p>Linear in the size of the input: each cell is normalised once (prose longer than a label is not), every
 * line is visited a bounded number of times, and no regular expression runs on the text.
 */
final class ReportAssembler {

    /** Lines beyond this are not read: no report comes near it, and hostile input must stay bounded. */
    static final int MAX_LINES = 200_000;
    /** The title is looked for in the page's first lines only. */
    private static final int TITLE_SEARCH_LINES = 2_000;

    private ReportAssembler() {}

    static ImportResult assemble(SourceDocument document) throws UnreadableReportException {
        List<SourceLine> source = document.lines();
        int n = Math.min(source.size(), MAX_LINES);
        TextLine[] lines = new TextLine[n];
        for (int i = 0; i < n; i++) {
            lines[i] = new TextLine(source.get(i));
        }
        return new Assembly(document.type(), lines).run();
    }

    /** The state of one assembly. */
    private static final class Assembly {
        private final SourceType type;
        private final TextLine[] lines;
        private final int n;
        private final boolean[] consumed;
        private final int[] sections = new int[Section.values().length];
        private final List<Finding> findings = new ArrayList<>();
        private int titleLine = -1;
        private Labels.Title title;
        private int end;
        private int signatureLine = -1;
        private LocalDate signatureDate;

        Assembly(SourceType type, TextLine[] lines) {
            this.type = type;
            this.lines = lines;
            this.n = lines.length;
            this.consumed = new boolean[n];
            java.util.Arrays.fill(sections, -1);
        }

        ImportResult run() throws UnreadableReportException {
            findTitle();
            findSections();
            findEnd();
            ReportFormat format = detectFormat();
            AnnualReport.Builder report = AnnualReport.builder(format);
            List<Finding> tableFindings = new ArrayList<>();
            TableReader tables =
                    new TableReader(lines, consumed, !isDoubleSpaced(), hasCollapsedLines(), report, tableFindings);

            int rowsFound = 0;
            int[] t2 = region(Section.S2);
            Set<String> rows2 = tables.table2(t2[0], t2[1]);
            rowsFound += rows2.size();
            int[] t3 = region(Section.S3);
            Set<String> rows3 = tables.table3(t3[0], t3[1]);
            rowsFound += rows3.size();
            int[] t4 = table4Region(rows3);
            int sectionsFound = 0;
            for (int at : sections) {
                if (at >= 0) {
                    sectionsFound++;
                }
            }
            boolean anything = rowsFound >= 3 || sectionsFound >= 2 || (title != null && sectionsFound >= 1);
            if (!anything) {
                throw new UnreadableReportException(
                        "NOT_A_REPORT",
                        "未识别出政府信息公开工作年度报告：没有找到报告的标题、章节或表格",
                        "not an annual report: no title, section or table of the national format was recognised");
            }
            tables.reportMissingRows(Section.S2, rows2);
            tables.reportMissingRows(Section.S3, rows3);
            if (t4 != null) {
                tables.table4(t4[0], t4[1]);
            } else {
                tables.table4(0, 0);
            }

            for (Section section : Section.NARRATIVES) {
                String text = narrative(section);
                if (text != null && !text.isEmpty()) {
                    report.narrative(section, text);
                }
            }
            identify(report);

            List<Finding> all = new ArrayList<>(findings);
            for (Section section : Section.values()) {
                if (sections[section.ordinal()] < 0) {
                    all.add(Finding.of(
                            RuleId.STRUCTURE,
                            List.of(),
                            "缺少章节标题“" + section.titleZh() + "”",
                            "the section title “" + section.titleZh() + "” (" + section.titleEn() + ") is missing"));
                }
            }
            all.addAll(tableFindings);
            return new ImportResult(type, report.build(), all);
        }

        // ---- title, sections, end -----------------------------------------------------------------------------

        private void findTitle() {
            int limit = Math.min(n, TITLE_SEARCH_LINES);
            for (int i = 0; i < limit; i++) {
                String norm = lines[i].paragraphNorm();
                if (norm == null) {
                    norm = lines[i].firstNorm();
                }
                if (norm == null || norm.isEmpty()) {
                    continue;
                }
                if (Labels.section(norm) != null) {
                    return;
                }
                Labels.Title found = Labels.title(norm);
                if (found != null) {
                    titleLine = i;
                    title = found;
                    return;
                }
            }
        }

        private void findSections() {
            int last = -1;
            for (int i = titleLine + 1; i < n; i++) {
                String norm = lines[i].paragraphNorm();
                if (norm == null) {
                    continue;
                }
                int numeral = Labels.sectionNumeral(norm);
                if (numeral >= 0) {
                    // "一、" / "总体情况": a numbered title whose numeral the page put on a line of its own
                    int next = nextFilled(i + 1);
                    String rest = next < 0 ? null : lines[next].paragraphNorm();
                    Section section = rest == null ? null : Labels.section(norm + rest);
                    if (section != null && section.ordinal() == numeral && section.ordinal() > last) {
                        sections[section.ordinal()] = next;
                        last = section.ordinal();
                        consumed[i] = true;
                        consumed[next] = true;
                        i = next;
                    }
                    continue;
                }
                Section section = Labels.section(norm);
                if (section != null && section.ordinal() > last && !inEnumeration(i, norm)) {
                    sections[section.ordinal()] = i;
                    last = section.ordinal();
                    consumed[i] = true;
                } else if (section != null
                        && section.ordinal() == last
                        && last > 0
                        && sections[last - 1] >= 0
                        && nextFilled(sections[last - 1] + 1) == sections[last]) {
                    // a stray copy of this title right under the previous one ("四、…" / "五、…" / table 四 /
                    // "五、…"): the previous section's content stands between the two, so the second is the title
                    consumed[sections[last]] = false;
                    sections[last] = i;
                    consumed[i] = true;
                }
            }
        }

        /**
         * True when an unnumbered title is one phrase of a sentence listing the sections ("本报告由总体情况、主动公开
         * 政府信息情况、…组成") that a page broke one phrase per line: the line before or after it is the list's "、"
         * or "和", or continues the sentence.
         */
        private boolean inEnumeration(int line, String norm) {
            if (Character.isDigit(norm.charAt(0)) || "一二三四五六第".indexOf(norm.charAt(0)) >= 0) {
                return false;
            }
            int previous = line - 1;
            while (previous >= 0 && lines[previous].isEmpty()) {
                previous--;
            }
            int next = nextFilled(line + 1);
            return isListJoint(previous, true) || isListJoint(next, false);
        }

        private boolean isListJoint(int line, boolean before) {
            String norm = line < 0 ? null : lines[line].paragraphNorm();
            if (norm == null || norm.isEmpty()) {
                return false;
            }
            if (norm.equals("、") || norm.equals("和") || norm.equals("及") || norm.equals("与")) {
                return true;
            }
            return before ? norm.endsWith("、") || norm.endsWith("和") : norm.startsWith("、");
        }

        private int nextFilled(int from) {
            for (int j = from; j < n; j++) {
                if (!lines[j].isEmpty()) {
                    return j;
                }
            }
            return -1;
        }

        /** Where the report ends: the signature's date line, or the page's footer, after the last section title. */
        private void findEnd() {
            int from = titleLine + 1;
            for (int at : sections) {
                from = Math.max(from, at + 1);
            }
            end = n;
            for (int i = from; i < n; i++) {
                String norm = lines[i].paragraphNorm();
                if (norm == null) {
                    continue;
                }
                LocalDate date = Labels.dateLine(norm);
                if (date != null) {
                    signatureDate = date;
                    end = i;
                    int previous = previousFilled(i, from);
                    if (previous >= 0 && isSignature(previous, from)) {
                        signatureLine = previous;
                        end = previous;
                    }
                    return;
                }
                if (Labels.isChromeAfter(norm)) {
                    end = i;
                    return;
                }
                date = Labels.signatureWithDate(norm);
                if (date != null) {
                    signatureDate = date;
                    signatureLine = i;
                    end = i;
                    return;
                }
            }
        }

        private int previousFilled(int i, int from) {
            for (int j = i - 1; j >= from; j--) {
                if (!lines[j].isEmpty()) {
                    return j;
                }
            }
            return -1;
        }

        /**
         * True when the line before the signature date is the agency's name, not the last line of the narrative:
         * it names the title's agency, or it is a short line without sentence punctuation after other text.
         */
        private boolean isSignature(int line, int from) {
            String norm = lines[line].paragraphNorm();
            if (norm == null || norm.isEmpty() || norm.length() > 40) {
                return false;
            }
            if (title != null && title.agency() != null && norm.contains(title.agency())) {
                return true;
            }
            char last = norm.charAt(norm.length() - 1);
            if ("。;!?:,)".indexOf(last) >= 0 || norm.equals("无") || norm.contains("无)")) {
                return false;
            }
            return previousFilled(line, from) >= 0;
        }

        /**
         * True for a text where no line repeats the one before it although its tables hold values one per line: a
         * page dump whose archiver dropped repeated lines, so "0 0 0 0 0 0 0" became "0". A complete dump of any
         * report repeats a line somewhere (a row of zeros).
         */
        private boolean hasCollapsedLines() {
            if (type != SourceType.TEXT) {
                return false;
            }
            int from = sections[Section.S2.ordinal()] >= 0 ? sections[Section.S2.ordinal()] : Math.max(0, titleLine);
            String previous = null;
            int values = 0;
            for (int i = from; i < end; i++) {
                TextLine line = lines[i];
                if (line.isEmpty()) {
                    continue;
                }
                if (line.raw.length != 1) {
                    return false;
                }
                String norm = line.norm[0];
                if (norm != null && norm.equals(previous)) {
                    return false;
                }
                if (CellText.isNumber(norm)) {
                    values++;
                }
                previous = norm;
            }
            return values >= 10;
        }

        private boolean isDoubleSpaced() {
            int tables = sections[Section.S2.ordinal()] > 0 ? sections[Section.S2.ordinal()] : n;
            int afterTables = sections[Section.S5.ordinal()] > tables ? sections[Section.S5.ordinal()] : n;
            // A text may be double spaced in its prose, or only in its tables (a PDF's plain text, a text browser's
            // dump: each cell a paragraph of its own, an empty line after it): either way its empty lines are not
            // blank cells.
            return doubleSpaced(Math.max(0, titleLine), tables) || doubleSpaced(tables, afterTables);
        }

        private boolean doubleSpaced(int from, int to) {
            int filled = 0;
            int followedByEmpty = 0;
            for (int i = from; i + 1 < to; i++) {
                if (!lines[i].isEmpty()) {
                    filled++;
                    if (lines[i + 1].isEmpty()) {
                        followedByEmpty++;
                    }
                }
            }
            return filled >= 3 && followedByEmpty * 10 >= filled * 6;
        }

        // ---- regions ------------------------------------------------------------------------------------------

        /**
         * The lines a table is looked for in: from its section's title (or, when that title is missing, from the
         * previous section found) to the next section title found (or the end of the report).
         */
        private int[] region(Section section) {
            int from = sections[section.ordinal()];
            for (int s = section.ordinal() - 1; from < 0 && s >= 0; s--) {
                from = sections[s];
            }
            from = from < 0 ? titleLine + 1 : from + 1;
            int to = end;
            for (int s = section.ordinal() + 1; s < sections.length; s++) {
                if (sections[s] >= 0) {
                    to = Math.min(to, sections[s]);
                    break;
                }
            }
            return new int[] {from, Math.max(from, to)};
        }

        /** Table 四 stands after its title, or, when the title is missing, after table 三's last row. */
        private int[] table4Region(Set<String> rows3) {
            if (sections[Section.S4.ordinal()] >= 0) {
                return region(Section.S4);
            }
            if (!rows3.contains("s3.carriedForward")) {
                return null;
            }
            int from = -1;
            for (int i = n - 1; i >= 0; i--) {
                if (consumed[i] && !isSectionTitle(i)) {
                    from = i + 1;
                    break;
                }
            }
            int[] region = region(Section.S4);
            return from < 0 ? null : new int[] {from, Math.max(from, region[1])};
        }

        private boolean isSectionTitle(int line) {
            for (int at : sections) {
                if (at == line) {
                    return true;
                }
            }
            return false;
        }

        // ---- format ---------------------------------------------------------------------------------------------

        /**
         * The format by a vote of the header words only one layout's table 二 has (a 2021 report may keep one 2019
         * word, "上一年项目本年收费金额"), with table 三's rows as a second voice: 逾期/缴纳费用 only exist in 2021,
         * a single (六)其他处理 row only in 2019. A tie goes to the format of the title's year, else 2021.
         */
        private ReportFormat detectFormat() {
            int v2019 = 0;
            int v2021 = 0;
            int[] t2 = region(Section.S2);
            for (int i = t2[0]; i < t2[1]; i++) {
                for (String norm : lines[i].norm) {
                    if (isWord(norm)) {
                        v2019 += Labels.isTable2v2019Word(norm) ? 1 : 0;
                        v2021 += Labels.isTable2v2021Word(norm) ? 1 : 0;
                    }
                }
            }
            int[] t3 = region(Section.S3);
            boolean otherHandling = false;
            boolean overdue = false;
            for (int i = t3[0]; i < t3[1]; i++) {
                for (String norm : lines[i].norm) {
                    if (!isWord(norm)) {
                        continue;
                    }
                    overdue |= norm.contains("逾期") || norm.contains("缴纳费用") || norm.contains("收费通知");
                    otherHandling |= norm.contains("其他处理");
                }
            }
            if (overdue) {
                v2021 += 2;
            } else if (otherHandling) {
                v2019 += 2;
            }
            if (v2019 != v2021) {
                return v2019 > v2021 ? ReportFormat.V2019 : ReportFormat.V2021;
            }
            return title != null && title.year() != null ? ReportFormat.forYear(title.year()) : ReportFormat.V2021;
        }

        /** A short cell that is neither empty nor a number: a candidate label. */
        private static boolean isWord(String norm) {
            if (norm == null || norm.isEmpty() || norm.length() > Labels.MAX_ROW_LABEL) {
                return false;
            }
            char c = norm.charAt(0);
            return !((c >= '0' && c <= '9' || c == '-' || c == '/') && CellText.isValue(norm));
        }

        // ---- narratives -----------------------------------------------------------------------------------------

        /** The paragraphs of a narrative section joined by "\n": each trimmed, empty lines and table rows dropped. */
        private String narrative(Section section) {
            int at = sections[section.ordinal()];
            if (at < 0) {
                return null;
            }
            int to = end;
            for (int s = section.ordinal() + 1; s < sections.length; s++) {
                if (sections[s] >= 0) {
                    to = Math.min(to, sections[s]);
                    break;
                }
            }
            StringBuilder text = new StringBuilder();
            for (int i = at + 1; i < to; i++) {
                TextLine line = lines[i];
                if (line.isEmpty() || consumed[i] || line.filled > 1 || i == signatureLine) {
                    continue;
                }
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(line.text());
            }
            return text.toString();
        }

        // ---- agency, year, date ---------------------------------------------------------------------------------

        private void identify(AnnualReport.Builder report) {
            String agency = title == null ? null : title.agency();
            if (agency == null && titleLine > 0) {
                agency = agencyLineBefore(titleLine);
            }
            boolean fromSignature = false;
            if (agency == null && signatureLine >= 0) {
                agency = signatureAgency(lines[signatureLine].paragraphNorm());
                fromSignature = agency != null;
            }
            if (agency == null && title == null) {
                agency = agencyInBody(opening());
            }
            LocalDate published = signatureDate;
            if (published == null) {
                published = publicationDateInChrome();
            }
            Integer year = title == null ? null : title.year();
            Integer bodyYear = title == null || year == null ? yearInBody() : null;
            Integer signatureYear = published == null ? null : published.getYear() - 1;
            String yearFrom = null;
            if (year == null && bodyYear != null && (signatureYear == null || signatureYear.equals(bodyYear))) {
                year = bodyYear;
                yearFrom = "body";
            } else if (year == null && signatureYear != null && bodyYear == null) {
                year = signatureYear;
                yearFrom = "signature";
            }
            report.agency(agency).year(year).publishedOn(published);
            if (title == null) {
                String zh = yearFrom == null
                        ? "报告年度无法确定"
                        : "报告年度" + year + "取自" + (yearFrom.equals("body") ? "正文（“" + year + "年，…”）" : "落款日期");
                String en = yearFrom == null
                        ? "the year is unknown"
                        : "the year " + year + " was inferred from the "
                                + (yearFrom.equals("body") ? "body (“" + year + "年，…”)" : "signature's date");
                zh += agency == null
                        ? "，机关名称无法确定"
                        : "，机关名称“" + agency + "”取自" + (fromSignature ? "落款" : "正文（“" + year + "年，" + agency + "…”）");
                en += agency == null
                        ? ", the agency is unknown"
                        : ", the agency “" + agency + "” from the "
                                + (fromSignature ? "signature" : "body (“" + year + "年，" + agency + "…”)");
                findings.add(Finding.of(
                        RuleId.STRUCTURE,
                        List.of(),
                        "未找到报告标题（“××机关××年政府信息公开工作年度报告”）：" + zh + "，请核对",
                        "the report title (“<agency> <year>年政府信息公开工作年度报告”) was not found: " + en + "; please check"));
            }
        }

        /**
         * The report year as the body states it, when it names one year only: the years that open paragraphs
         * before table 二 ("2021年，我局…") and the statistics period ("统计时限自2021年1月1日"). Null when none, or
         * more than one.
         */
        private Integer yearInBody() {
            int to = sections[Section.S2.ordinal()] >= 0 ? sections[Section.S2.ordinal()] : Math.min(n, 400);
            Integer found = null;
            int opening = bodyYear(opening());
            if (opening > 0) {
                found = opening; // a dump may break «2021年，» over lines: «202» / «1» / «年，»
            }
            for (int i = Math.max(0, titleLine + 1); i < to && i < n; i++) {
                TextLine line = lines[i];
                if (line.filled != 1) {
                    continue;
                }
                String raw = TextNormalizer.label(
                        line.raw[line.first].length() > 200
                                ? line.raw[line.first].substring(0, 200)
                                : line.raw[line.first]);
                int year = bodyYear(raw);
                if (year > 0 && Labels.dateLine(raw) == null) {
                    if (found != null && found != year) {
                        return null;
                    }
                    found = year;
                }
            }
            return found;
        }

        /**
         * The first words of section 一 after its heading, its lines joined without what separates them (a dump breaks
         * a sentence over lines anywhere), in comparison form; empty without section 一.
         */
        private String opening() {
            int from = sections[Section.S1.ordinal()];
            if (from < 0) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            for (int i = from + 1; i < n && text.length() < 60; i++) {
                if (!lines[i].isEmpty()) {
                    text.append(lines[i].text());
                }
            }
            return TextNormalizer.label(text.toString());
        }

        /** Where an agency's name ends: «三明市人民政府», «莆田市城市管理局», «某某市政务服务管理委员会». */
        private static final java.util.regex.Pattern AGENCY_AT_START = java.util.regex.Pattern.compile(
                "^\\d{4}年度?[,，]?([\\p{IsHan}（）()]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|委员会|管理局|分局|局|厅|办公室|中心|院))"
                        + "(?:认真|坚持|深入|全面|严格|紧紧|始终|以|在|围绕|按照|根据|高度|持续|进一步|积极|扎实|切实|聚焦|贯彻|落实|不断)");

        /**
         * The agency a report without a title names where section 一 opens: «2021年，三明市人民政府认真落实…»; null
         * when it says «我局» or names nobody a verb follows.
         */
        private static String agencyInBody(String opening) {
            var matcher = AGENCY_AT_START.matcher(opening);
            if (!matcher.find()) {
                return null;
            }
            String agency = matcher.group(1);
            return agency.startsWith("我") || agency.startsWith("本") ? null : agency;
        }

        /** "2021年,…" or "…统计时限自2021年1月1日…" gives 2021; else 0. */
        private static int bodyYear(String norm) {
            int at = norm.indexOf("自");
            if (norm.length() > 5 && norm.charAt(4) == '年' && norm.charAt(5) != '度' || norm.startsWith("年度", 4)) {
                int year = Labels.yearAt(norm, 0);
                if (year > 0) {
                    return year;
                }
            }
            while (at >= 0 && at + 5 < norm.length()) {
                int year = Labels.yearAt(norm, at + 1);
                if (year > 0 && norm.charAt(at + 5) == '年' && norm.startsWith("1月1日", at + 6)) {
                    return year;
                }
                at = norm.indexOf("自", at + 1);
            }
            return 0;
        }

        /** The agency of a signature line, without a date that shares the line. */
        private static String signatureAgency(String norm) {
            int at = norm == null ? -1 : Labels.signatureDateStart(norm);
            return at < 0 ? norm : norm.substring(0, at);
        }

        /** A title split over two lines: "乌海市公安局" / "2021年政府信息公开工作年度报告". */
        private String agencyLineBefore(int line) {
            for (int j = line - 1; j >= 0 && j >= line - 2; j--) {
                String norm = lines[j].paragraphNorm();
                if (norm == null || norm.isEmpty()) {
                    continue;
                }
                if (norm.length() <= 30
                        && "局委办院厅府会心所处队站部室馆区县市镇乡司".indexOf(norm.charAt(norm.length() - 1)) >= 0
                        && norm.indexOf(':') < 0
                        && norm.indexOf('>') < 0) {
                    return norm;
                }
                return null;
            }
            return null;
        }

        private LocalDate publicationDateInChrome() {
            int before = titleLine >= 0 ? titleLine : Math.min(n, TITLE_SEARCH_LINES);
            for (int i = 0; i < before; i++) {
                LocalDate date = chromeDate(i);
                if (date != null) {
                    return date;
                }
            }
            for (int i = end; i < n && i < end + TITLE_SEARCH_LINES; i++) {
                LocalDate date = chromeDate(i);
                if (date != null) {
                    return date;
                }
            }
            return null;
        }

        private LocalDate chromeDate(int i) {
            TextLine line = lines[i];
            for (String norm : line.norm) {
                if (norm != null && !norm.isEmpty() && Labels.isPublicationDateLine(norm)) {
                    LocalDate date = Labels.dateIn(norm);
                    if (date != null) {
                        return date;
                    }
                }
            }
            return null;
        }
    }
}
