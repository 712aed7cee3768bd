package dev.gongkai.report.rules;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.model.TableColumn;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The report against the same agency's report on the year before, when that is known. */
final class CrossYearRules {

    /** Evaluators deduct for 与上年度重复率大于50%. */
    static final double COPIED_SHARE = 0.5;

    static final int SHINGLE = 8;

    private CrossYearRules() {}

    static List<Rule> all() {
        return List.of(new CarryOver(), new InForceChain(), new ProblemsCopied(), new YearOnYear());
    }

    private static Optional<Long> whole(AnnualReport report, String key) {
        Optional<BigDecimal> number = report.number(key);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(number.get().longValueExact());
        } catch (ArithmeticException notWhole) {
            return Optional.empty();
        }
    }

    private static String yearZh(AnnualReport previous) {
        return previous.year() == null ? "上一年度" : previous.year() + " 年";
    }

    private static String yearEn(AnnualReport previous) {
        return previous.year() == null ? "last year's" : previous.year() + "'s";
    }

    private static final class CarryOver implements Rule {
        @Override
        public RuleId id() {
            return RuleId.CARRY_OVER_MATCH;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            if (context.previous().isEmpty()) {
                return;
            }
            AnnualReport previous = context.previous().get();
            for (TableColumn column : ReportLayout.APPLICANT_COLUMNS) {
                String key = "s3.carriedOver." + column.key();
                int cell = CellGrid.index(grid.report.format(), key);
                Optional<Long> before =
                        whole(previous, CarriedFromLastYear.carriedOver().get(key));
                if (!grid.isWhole(cell) || before.isEmpty() || before.get() == grid.value(cell)) {
                    continue;
                }
                findings.add(Finding.of(
                        id(),
                        List.of(key),
                        "%s：上年结转 %d 件，但%s报告的结转下年度继续办理为 %d 件"
                                .formatted(
                                        TableArithmeticRules.columnZh(column),
                                        grid.value(cell),
                                        yearZh(previous),
                                        before.get()),
                        "%s: carried over is %d, but %s report carried forward %d"
                                .formatted(
                                        TableArithmeticRules.columnEn(column),
                                        grid.value(cell),
                                        yearEn(previous),
                                        before.get())));
            }
        }
    }

    private static final class InForceChain implements Rule {
        @Override
        public RuleId id() {
            return RuleId.IN_FORCE_CHAIN;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            if (context.previous().isEmpty()
                    || grid.report.format() != ReportFormat.V2021
                    || context.previous().get().format() != ReportFormat.V2021) {
                return;
            }
            AnnualReport previous = context.previous().get();
            for (String row : CarriedFromLastYear.IN_FORCE_ROWS) {
                int issued = CellGrid.index(ReportFormat.V2021, row + ".issued");
                int repealed = CellGrid.index(ReportFormat.V2021, row + ".repealed");
                int inForce = CellGrid.index(ReportFormat.V2021, row + ".inForce");
                Optional<Long> before = whole(previous, row + ".inForce");
                if (!grid.allWhole(issued, repealed, inForce) || before.isEmpty()) {
                    continue;
                }
                long expected = before.get() + grid.value(issued) - grid.value(repealed);
                if (expected != grid.value(inForce)) {
                    String label = grid.layout.table(Section.S2).row(row).label();
                    findings.add(Finding.of(
                            id(),
                            List.of(row + ".inForce", row + ".issued", row + ".repealed"),
                            "「%s」：%s现行有效 %d + 本年制发 %d − 本年废止 %d = %d，但现行有效件数填写为 %d"
                                    .formatted(
                                            label,
                                            yearZh(previous),
                                            before.get(),
                                            grid.value(issued),
                                            grid.value(repealed),
                                            expected,
                                            grid.value(inForce)),
                            "「%s」: %s in force %d + issued %d − repealed %d = %d, but in force is %d"
                                    .formatted(
                                            label,
                                            yearEn(previous),
                                            before.get(),
                                            grid.value(issued),
                                            grid.value(repealed),
                                            expected,
                                            grid.value(inForce))));
                }
            }
        }
    }

    private static final class ProblemsCopied implements Rule {
        @Override
        public RuleId id() {
            return RuleId.PROBLEMS_COPIED;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            if (context.previous().isEmpty()) {
                return;
            }
            AnnualReport previous = context.previous().get();
            double problems = TextSimilarity.share(grid.report.narrative(Section.S5), previous.narrative(Section.S5));
            if (problems > COPIED_SHARE) {
                findings.add(Finding.of(
                        id(),
                        List.of("s5"),
                        "「五、存在的主要问题及改进情况」与%s报告重复 %d%%（超过 50%%）".formatted(yearZh(previous), Math.round(problems * 100)),
                        "Section \"%s\" is %d%% the same as %s report (more than 50%%)"
                                .formatted(Section.S5.titleEn(), Math.round(problems * 100), yearEn(previous))));
                return;
            }
            double whole = TextSimilarity.share(narrative(grid.report), narrative(previous));
            if (whole > COPIED_SHARE) {
                findings.add(Finding.of(
                        id(),
                        List.of("s1", "s5", "s6"),
                        "报告文字与%s报告重复 %d%%（超过 50%%）".formatted(yearZh(previous), Math.round(whole * 100)),
                        "The narrative is %d%% the same as %s report (more than 50%%)"
                                .formatted(Math.round(whole * 100), yearEn(previous))));
            }
        }

        private static String narrative(AnnualReport report) {
            StringBuilder all = new StringBuilder();
            for (Section section : Section.NARRATIVES) {
                String text = report.narrative(section);
                if (text != null) {
                    all.append(text).append('\n');
                }
            }
            return all.toString();
        }
    }

    private static final class YearOnYear implements Rule {
        private static final List<String> KEY_COUNTS = List.of(
                "s3.received.total",
                "s3.handledTotal.total",
                "s3.granted.total",
                "s4.review.total",
                "s2.licensing.decisions",
                "s2.penalties.decisions",
                "s2.coercion.decisions");

        @Override
        public RuleId id() {
            return RuleId.YOY_ANOMALY;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            if (context.previous().isEmpty()) {
                return;
            }
            AnnualReport previous = context.previous().get();
            for (String key : KEY_COUNTS) {
                if (!grid.layout.hasCell(key)) {
                    continue;
                }
                int cell = CellGrid.index(grid.report.format(), key);
                Optional<Long> before = whole(previous, key);
                if (!grid.isWhole(cell) || before.isEmpty() || before.get() <= 0) {
                    continue;
                }
                long now = grid.value(cell);
                long was = before.get();
                if (now == 0 || now > 5 * was || now * 5 < was) {
                    String label = grid.layout.cell(key).orElseThrow().labelZh();
                    String name = grid.layout.cell(key).orElseThrow().name();
                    findings.add(Finding.of(
                            id(),
                            List.of(key),
                            "%s：由%s的 %d 变为 %d（%s），请核实"
                                    .formatted(label, yearZh(previous), was, now, now == 0 ? "降为 0" : "变化超过五倍"),
                            "%s went from %d (%s report) to %d (%s): please verify"
                                    .formatted(
                                            name,
                                            was,
                                            yearEn(previous),
                                            now,
                                            now == 0 ? "fell to 0" : "more than five-fold")));
                }
            }
        }
    }

    /**
     * How much of a text is found in another, by shingles of {@value #SHINGLE} characters (letters and digits only;
     * every digit counts as one digit, so a copied text with its years changed is still copied).
     */
    static final class TextSimilarity {
        private TextSimilarity() {}

        /** The share of {@code text}'s shingles that also occur in {@code earlier}; 0 when either is missing. */
        static double share(String text, String earlier) {
            if (text == null || earlier == null) {
                return 0;
            }
            long[] a = shingles(text);
            long[] b = shingles(earlier);
            if (a.length == 0 || b.length == 0) {
                return 0;
            }
            Arrays.sort(b);
            int seen = 0;
            for (long shingle : a) {
                if (Arrays.binarySearch(b, shingle) >= 0) {
                    seen++;
                }
            }
            return (double) seen / a.length;
        }

        /** A 64-bit rolling hash of every window of {@value #SHINGLE} letters or digits. */
        private static long[] shingles(String text) {
            char[] letters = new char[text.length()];
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    letters[n++] = Character.isDigit(c) ? '0' : c;
                }
            }
            if (n < SHINGLE) {
                return n == 0 ? new long[0] : new long[] {hash(letters, 0, n)};
            }
            long[] shingles = new long[n - SHINGLE + 1];
            for (int i = 0; i < shingles.length; i++) {
                shingles[i] = hash(letters, i, SHINGLE);
            }
            return shingles;
        }

        private static long hash(char[] letters, int from, int length) {
            long hash = 1125899906842597L;
            for (int i = from; i < from + length; i++) {
                hash = 31 * hash + letters[i];
            }
            return hash;
        }
    }
}
