package dev.gongkai.report.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.rules.RuleId;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void cellsAreNamedAsTheNationalTableNamesThem() {
        assertThat(Labels.cell("s3.handledTotal.total", Locale.CHINA)).isEqualTo("三、(七)总计 · 总计");
        assertThat(Labels.cell("s2.licensing.decisions", Locale.ENGLISH)).isEqualTo("第二十条第(五)项 行政许可 · 本年处理决定数量");
        assertThat(Labels.cell("s3.denied.stateSecret.commercial", Locale.CHINA))
                .isEqualTo("三、(三)不予公开 1.属于国家秘密 · 法人或其他组织 商业企业");
        assertThat(Labels.cell("s4.litigationAfterReview.upheld", Locale.CHINA)).isEqualTo("行政诉讼 复议后起诉 · 结果维持");
        assertThat(Labels.cell("s4.review.total", Locale.CHINA)).isEqualTo("行政复议 · 总计");
        assertThat(Labels.cell("s5", Locale.CHINA)).isEqualTo("五、存在的主要问题及改进情况");
    }

    @Test
    void everyCellOfBothFormatsHasItsOwnName() {
        for (ReportFormat format : ReportFormat.values()) {
            Set<String> names = new HashSet<>();
            for (CellDefinition cell : format.layout().cells()) {
                String name = Labels.cell(cell.key(), Locale.CHINA);
                assertThat(name).doesNotContain(cell.key()).contains(" · ");
                assertThat(names.add(name))
                        .as("%s is named like another cell: %s", cell.key(), name)
                        .isTrue();
            }
        }
    }

    @Test
    void everyStatusActionSeverityAndRuleHasALabelInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            Labels.STATUSES.forEach(
                    s -> assertThat(Labels.status(s, locale)).isNotBlank().isNotEqualTo(s));
            // templates build #{'status.' + ${s}} from the enum: every value of it must be labelled
            for (dev.gongkai.contract.ReportStatus status : dev.gongkai.contract.ReportStatus.values()) {
                assertThat(Labels.status(status.name(), locale)).isNotBlank().isNotEqualTo(status.name());
            }
            for (dev.gongkai.contract.Action action : dev.gongkai.contract.Action.values()) {
                assertThat(Labels.action(action.code(), locale)).isNotBlank().isNotEqualTo(action.code());
            }
            Labels.ACTIONS.forEach(
                    a -> assertThat(Labels.action(a, locale)).isNotBlank().isNotEqualTo(a));
            Labels.SEVERITIES.forEach(
                    s -> assertThat(Labels.severity(s, locale)).isNotBlank().isNotEqualTo(s));
            Labels.COMPLIANCE.forEach(
                    c -> assertThat(Labels.compliance(c, locale)).isNotBlank().isNotEqualTo(c));
            for (RuleId rule : RuleId.values()) {
                assertThat(Labels.rule(rule.name(), locale)).isNotBlank().isNotEqualTo(rule.name());
            }
        }
        assertThat(Labels.status("DRAFT", Locale.SIMPLIFIED_CHINESE)).isEqualTo("草稿");
        assertThat(Labels.status("DRAFT", Locale.ENGLISH)).isEqualTo("Draft");
        assertThat(Collections.list(Labels.bundle(Locale.ENGLISH).getKeys()))
                .containsExactlyInAnyOrderElementsOf(Labels.bundle(Locale.ROOT).keySet());
    }
}
