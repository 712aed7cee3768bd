package dev.gongkai.report.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportCheckerTest {

    private static final Map<String, Long> FIGURES = Map.of(
            "s3.received.naturalPerson", 12L,
            "s3.received.commercial", 3L,
            "s3.carriedOver.naturalPerson", 2L,
            "s3.granted.naturalPerson", 7L,
            "s3.partiallyGranted.commercial", 2L,
            "s3.unavailable.notHeld.naturalPerson", 4L,
            "s4.review.upheld", 1L,
            "s2.normativeDocuments.issued", 3L,
            "s2.normativeDocuments.inForce", 21L,
            "s2.licensing.decisions", 500L);

    private final AnnualReport valid = ConsistentReports.of(ReportFormat.V2021, 2021, FIGURES);

    private static List<Finding> findings(AnnualReport report, RuleId rule) {
        return findings(report, CheckContext.none(), rule);
    }

    private static List<Finding> findings(AnnualReport report, CheckContext context, RuleId rule) {
        return ReportChecker.check(report, context).stream()
                .filter(f -> f.rule().equals(rule.name()))
                .toList();
    }

    private AnnualReport with(String key, long value) {
        return valid.toBuilder().cell(key, value).build();
    }

    @Test
    void aConsistentReportHasNoFindings() {
        assertThat(ReportChecker.check(valid)).isEmpty();
        assertThat(ReportChecker.check(ConsistentReports.of(
                        ReportFormat.V2019,
                        2020,
                        Map.of(
                                "s3.received.research",
                                5L,
                                "s3.otherHandling.research",
                                5L,
                                "s2v2019.licensing.change",
                                -3L))))
                .isEmpty();
    }

    @Test
    void everyRuleIsDescribedInBothLanguages() {
        assertThat(RuleCatalogue.rules()).extracting(RuleDescription::id).containsExactly(RuleId.values());
        assertThat(RuleCatalogue.rules()).allSatisfy(rule -> {
            assertThat(rule.titleZh()).isNotBlank();
            assertThat(rule.titleEn()).isNotBlank();
            assertThat(rule.descriptionZh()).isNotBlank();
            assertThat(rule.descriptionEn()).isNotBlank();
        });
    }

    @Nested
    class Arithmetic {
        @Test
        void balanceFailsWhenReceivedAndCarriedOverDoNotMatchHandledAndCarriedForward() {
            List<Finding> found = findings(with("s3.carriedForward.naturalPerson", 5), RuleId.S3_BALANCE);
            assertThat(found).hasSize(1);
            assertThat(found.getFirst().cells())
                    .contains("s3.received.naturalPerson", "s3.carriedForward.naturalPerson");
            assertThat(found.getFirst().messageZh()).contains("「自然人」列", "12", "2", "14", "5");
            assertThat(found.getFirst().messageEn()).contains("「自然人」", "14").doesNotContain("naturalPerson");
            assertThat(found.getFirst().severity()).isEqualTo(Severity.ERROR);
        }

        @Test
        void handledSumFailsWhenTheResultRowsDoNotAddUpToTheHandledTotal() {
            List<Finding> found = findings(with("s3.denied.stateSecret.commercial", 1), RuleId.S3_HANDLED_SUM);
            assertThat(found).hasSize(1);
            assertThat(found.getFirst().cells())
                    .contains("s3.handledTotal.commercial", "s3.denied.stateSecret.commercial")
                    .hasSize(22);
            assertThat(found.getFirst().messageZh()).contains("21 项", "3", "2");
        }

        @Test
        void handledSumCountsNineteenRowsInThe2019Format() {
            AnnualReport report =
                    ConsistentReports.of(ReportFormat.V2019, 2020, Map.of("s3.otherHandling.otherOrg", 2L));
            assertThat(findings(report, RuleId.S3_HANDLED_SUM)).isEmpty();
            AnnualReport broken =
                    report.toBuilder().cell("s3.otherHandling.otherOrg", 1).build();
            assertThat(findings(broken, RuleId.S3_HANDLED_SUM))
                    .singleElement()
                    .satisfies(f -> assertThat(f.cells()).hasSize(20));
        }

        @Test
        void rowTotalFailsWhenTheApplicantColumnsDoNotAddUpToTheTotal() {
            List<Finding> found = findings(with("s3.received.total", 16), RuleId.S3_ROW_TOTAL);
            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.cells()).hasSize(7).contains("s3.received.total");
                assertThat(f.messageZh()).contains("本年新收", "15", "16");
            });
        }

        @Test
        void reviewTotalFailsWhenTheResultsDoNotAddUpToTheTotal() {
            assertThat(findings(valid, RuleId.S4_TOTAL)).isEmpty();
            List<Finding> found = findings(with("s4.litigationDirect.pending", 2), RuleId.S4_TOTAL);
            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.cells()).contains("s4.litigationDirect.total");
                assertThat(f.messageEn()).contains("未经复议直接起诉", "2", "0").doesNotContain("s4.");
            });
        }

        @Test
        void sumsWithABlankCellAreLeftToCellMissingInsteadOfReportedAsArithmetic() {
            AnnualReport report =
                    valid.toBuilder().blank("s3.received.naturalPerson").build();
            assertThat(findings(report, RuleId.S3_BALANCE))
                    .extracting(f -> f.cells().getFirst())
                    .doesNotContain("s3.received.naturalPerson");
            assertThat(findings(report, RuleId.CELL_MISSING))
                    .singleElement()
                    .satisfies(f -> assertThat(f.cells()).containsExactly("s3.received.naturalPerson"));
        }
    }

    @Nested
    class Cells {
        @Test
        void aBlankIsNotAZero() {
            AnnualReport report = valid.toBuilder()
                    .blank("s2.fees.amount")
                    .blank("s2.licensing.decisions")
                    .build();
            List<Finding> found = findings(report, RuleId.CELL_MISSING);
            assertThat(found).hasSize(2);
            assertThat(found)
                    .flatExtracting(Finding::cells)
                    .containsExactlyInAnyOrder("s2.fees.amount", "s2.licensing.decisions");
            assertThat(found.getFirst().messageZh()).contains("空白不等于 0");
        }

        @Test
        void anAbsentCellIsMissingToo() {
            AnnualReport report = valid.toBuilder().absent("s4.review.upheld").build();
            assertThat(findings(report, RuleId.CELL_MISSING))
                    .singleElement()
                    .satisfies(f -> assertThat(f.cells()).containsExactly("s4.review.upheld"));
        }

        @Test
        void countsMustBeWholeAndNotNegative() {
            AnnualReport report = valid.toBuilder()
                    .cell("s2.penalties.decisions", -1)
                    .cell("s2.coercion.decisions", new BigDecimal("1.5"))
                    .cell("s4.review.other", CellValue.text("约5"))
                    .build();
            List<Finding> found = findings(report, RuleId.CELL_RANGE);
            assertThat(found)
                    .flatExtracting(Finding::cells)
                    .containsExactlyInAnyOrder("s2.penalties.decisions", "s2.coercion.decisions", "s4.review.other");
            assertThat(found)
                    .extracting(Finding::messageZh)
                    .anySatisfy(m -> assertThat(m).contains("-1", "负数"))
                    .anySatisfy(m -> assertThat(m).contains("1.5", "整数"))
                    .anySatisfy(m -> assertThat(m).contains("约5", "不是数字"));
        }

        @Test
        void theFeeTakesSixDecimalsButNotSeven() {
            assertThat(findings(
                            valid.toBuilder()
                                    .cell("s2.fees.amount", new BigDecimal("12.345678"))
                                    .build(),
                            RuleId.CELL_RANGE))
                    .isEmpty();
            assertThat(findings(
                            valid.toBuilder()
                                    .cell("s2.fees.amount", new BigDecimal("12.3456789"))
                                    .build(),
                            RuleId.CELL_RANGE))
                    .singleElement()
                    .satisfies(f -> assertThat(f.messageEn()).contains("12.3456789", "6 decimals"));
        }

        @Test
        void a2019ChangeMayBeNegativeButNotAFraction() {
            AnnualReport report =
                    ConsistentReports.of(ReportFormat.V2019, 2019, Map.of("s2v2019.licensing.change", -3L));
            assertThat(findings(report, RuleId.CELL_RANGE)).isEmpty();
            AnnualReport broken = report.toBuilder()
                    .cell("s2v2019.fees.change", new BigDecimal("0.5"))
                    .build();
            assertThat(findings(broken, RuleId.CELL_RANGE))
                    .singleElement()
                    .satisfies(f -> assertThat(f.cells()).containsExactly("s2v2019.fees.change"));
        }
    }

    @Nested
    class Narrative {
        @Test
        void sectionsOneFiveAndSixMustNotBeEmpty() {
            AnnualReport report = valid.toBuilder()
                    .narrative(Section.S1, " ")
                    .narrative(Section.S6, null)
                    .build();
            assertThat(findings(report, RuleId.NARRATIVE_MISSING))
                    .flatExtracting(Finding::cells)
                    .containsExactly("s1", "s6");
        }

        @Test
        void problemsMustSayMoreThanNoneWhileOtherMattersMaySayNone() {
            assertThat(findings(valid.toBuilder().narrative(Section.S6, "（无）").build(), RuleId.NARRATIVE_MISSING))
                    .isEmpty();
            assertThat(findings(valid.toBuilder().narrative(Section.S5, "无。").build(), RuleId.NARRATIVE_MISSING))
                    .singleElement()
                    .satisfies(f -> assertThat(f.cells()).containsExactly("s5"));
        }

        @Test
        void aClauseOpeningWithAnEarlierYearLooksCopied() {
            AnnualReport copied = valid.toBuilder()
                    .narrative(Section.S1, "2021年以来，本局推进政务公开。2020年，市公安局根据要求建立了政府信息公开平台。")
                    .build();
            assertThat(findings(copied, RuleId.NARRATIVE_YEAR)).singleElement().satisfies(f -> {
                assertThat(f.cells()).containsExactly("s1");
                assertThat(f.messageZh()).contains("2020年，市公安局", "2021");
                assertThat(f.messageEn())
                        .contains("General situation", "2020", "2021")
                        .doesNotContain("%")
                        .doesNotContain("s1");
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
            });
        }

        @Test
        void plansForTheNextYearAndComparisonsAreNotCopiedText() {
            AnnualReport report = valid.toBuilder()
                    .narrative(Section.S1, "2021年，本局新收申请12件，较2020年同期有所增加。2022年，将继续推进。")
                    .build();
            assertThat(findings(report, RuleId.NARRATIVE_YEAR)).isEmpty();
        }

        @Test
        void aCountInTheNarrativeMustMatchTheTable() {
            AnnualReport agrees =
                    valid.toBuilder().narrative(Section.S1, "全年共新收政府信息公开申请15件。").build();
            assertThat(findings(agrees, RuleId.NARRATIVE_NUMBER)).isEmpty();
            AnnualReport contradicts = valid.toBuilder()
                    .narrative(Section.S1, "全年共新收政府信息公开申请18件，行政复议1件。")
                    .build();
            assertThat(findings(contradicts, RuleId.NARRATIVE_NUMBER))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.cells()).contains("s1", "s3.received.total");
                        assertThat(f.messageZh()).contains("18", "15");
                    });
        }
    }

    @Nested
    class CrossYear {
        private final AnnualReport lastYear = ConsistentReports.of(
                ReportFormat.V2021,
                2020,
                Map.of(
                        "s3.received.naturalPerson",
                        10L,
                        "s3.granted.naturalPerson",
                        8L,
                        "s2.normativeDocuments.inForce",
                        18L,
                        "s2.licensing.decisions",
                        450L));

        @Test
        void carryOverMatchesLastYearsCarryForward() {
            assertThat(findings(valid, CheckContext.withPrevious(lastYear), RuleId.CARRY_OVER_MATCH))
                    .isEmpty();
            AnnualReport broken =
                    ConsistentReports.of(ReportFormat.V2021, 2021, Map.of("s3.carriedOver.commercial", 1L));
            assertThat(findings(broken, CheckContext.withPrevious(lastYear), RuleId.CARRY_OVER_MATCH))
                    .extracting(f -> f.cells().getFirst())
                    .containsExactlyInAnyOrder(
                            "s3.carriedOver.naturalPerson", "s3.carriedOver.commercial", "s3.carriedOver.total");
        }

        @Test
        void carryOverIsNotCheckedWithoutLastYear() {
            AnnualReport broken =
                    ConsistentReports.of(ReportFormat.V2021, 2021, Map.of("s3.carriedOver.commercial", 1L));
            assertThat(findings(broken, RuleId.CARRY_OVER_MATCH)).isEmpty();
        }

        @Test
        void inForceFollowsLastYearPlusIssuedMinusRepealed() {
            assertThat(findings(valid, CheckContext.withPrevious(lastYear), RuleId.IN_FORCE_CHAIN))
                    .isEmpty();
            List<Finding> found = findings(
                    with("s2.normativeDocuments.inForce", 19),
                    CheckContext.withPrevious(lastYear),
                    RuleId.IN_FORCE_CHAIN);
            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.cells()).contains("s2.normativeDocuments.inForce");
                assertThat(f.messageZh()).contains("18", "3", "21", "19");
            });
        }

        @Test
        void problemsCopiedFromLastYearAreFlagged() {
            AnnualReport previous = lastYear.toBuilder()
                    .narrative(Section.S5, "一是政务公开的内部工作制度有待进一步完善。二是公开的手段和方法还有待深化和拓展。")
                    .build();
            AnnualReport copied = valid.toBuilder()
                    .narrative(Section.S5, "一是政务公开的内部工作制度有待进一步完善。二是公开的手段和方法还有待深化和拓展。三是培训不足。")
                    .build();
            assertThat(findings(copied, CheckContext.withPrevious(previous), RuleId.PROBLEMS_COPIED))
                    .singleElement()
                    .satisfies(f -> assertThat(f.messageZh()).contains("重复"));
            assertThat(findings(valid, CheckContext.withPrevious(previous), RuleId.PROBLEMS_COPIED))
                    .isEmpty();
        }

        @Test
        void aKeyCountThatFellToZeroOrGrewFiveFoldIsAHint() {
            AnnualReport report = with("s2.licensing.decisions", 0);
            List<Finding> found = findings(report, CheckContext.withPrevious(lastYear), RuleId.YOY_ANOMALY);
            assertThat(found).extracting(f -> f.cells().getFirst()).contains("s2.licensing.decisions");
            assertThat(found).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
            assertThat(findings(valid, CheckContext.withPrevious(lastYear), RuleId.YOY_ANOMALY))
                    .isEmpty();
        }
    }

    @Nested
    class Compliance {
        @Test
        void aDepartmentPublishesBy31January() {
            AnnualReport onTime =
                    valid.toBuilder().publishedOn(LocalDate.of(2022, 1, 31)).build();
            assertThat(findings(onTime, RuleId.PUBLISHED_LATE)).isEmpty();
            AnnualReport late =
                    valid.toBuilder().publishedOn(LocalDate.of(2022, 2, 3)).build();
            assertThat(findings(late, RuleId.PUBLISHED_LATE))
                    .singleElement()
                    .satisfies(f -> assertThat(f.messageEn()).contains("3 days", "2022-01-31"));
        }

        @Test
        void aCompiledGovernmentReportPublishesBy31March() {
            AnnualReport report =
                    valid.toBuilder().publishedOn(LocalDate.of(2022, 3, 31)).build();
            assertThat(findings(report, new CheckContext(Optional.empty(), true), RuleId.PUBLISHED_LATE))
                    .isEmpty();
            assertThat(findings(report, RuleId.PUBLISHED_LATE)).hasSize(1);
        }
    }
}
