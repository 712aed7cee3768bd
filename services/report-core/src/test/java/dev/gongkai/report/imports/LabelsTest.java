package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The small pieces the assembler recognises a report by: comparison form, numbers, titles, dates. */
class LabelsTest {

    @Test
    void comparesLabelsWithoutSpacesWidthsQuotesOrTraditionalCharacters() {
        assertThat(TextNormalizer.label("自 然 人")).isEqualTo("自然人");
        assertThat(TextNormalizer.label("（一）予以公开")).isEqualTo("(一)予以公开");
        assertThat(TextNormalizer.label("3.危及“三安全一稳定”")).isEqualTo("3.危及三安全一稳定");
        assertThat(TextNormalizer.label("本年新收政府信息公開申請數量")).isEqualTo("本年新收政府信息公开申请数量");
        assertThat(TextNormalizer.label("總計")).isEqualTo("总计");
        assertThat(TextNormalizer.label("⼀、总体情况"))
                .as("Kangxi radical from a PDF font")
                .isEqualTo("一、总体情况");
        assertThat(TextNormalizer.label("１２３４")).isEqualTo("1234");
        assertThat(TextNormalizer.label("\u3000商业\u00A0企业 ")).isEqualTo("商业企业");
    }

    @Test
    void readsBlanksNumbersAndWords() {
        for (String blank : new String[] {"", "/", "-", "—", "－", "——", "／"}) {
            assertThat(CellText.isBlank(TextNormalizer.label(blank))).as(blank).isTrue();
        }
        assertThat(CellText.number("1,234", true)).isEqualByComparingTo("1234");
        assertThat(CellText.number("0.00", true)).isEqualTo(new BigDecimal("0.00"));
        assertThat(CellText.number("-3", true)).isEqualByComparingTo("-3");
        assertThat(CellText.number("5件", true)).isEqualByComparingTo("5");
        assertThat(CellText.number("0.5万元", true)).isEqualByComparingTo("0.5");
        assertThat(CellText.number(TextNormalizer.label("１９"), true)).isEqualByComparingTo("19");
        assertThat(CellText.number("251000元", true)).isNull();
        assertThat(CellText.number("1,23", true)).isNull();
        assertThat(CellText.number("无", true)).isNull();
        assertThat(CellText.number("1".repeat(1000), true)).isNull();
    }

    @Test
    void readsAgencyAndYearFromTitlesInEitherOrder() {
        assertThat(Labels.title("乌海市公安局2021年政府信息公开工作年度报告")).isEqualTo(new Labels.Title("乌海市公安局", 2021));
        assertThat(Labels.title("2021年乌海市公安局政府信息公开工作年度报告")).isEqualTo(new Labels.Title("乌海市公安局", 2021));
        assertThat(Labels.title("淮安市人民政府2024年度政府信息公开工作年度报告")).isEqualTo(new Labels.Title("淮安市人民政府", 2024));
        assertThat(Labels.title(TextNormalizer.label("当前位置：首页 > 信息公开 > 乌海市公安局2021年政府信息公开工作年度报告")))
                .isEqualTo(new Labels.Title("乌海市公安局", 2021));
        assertThat(Labels.title("政府信息公开年报")).isNull();
    }

    @Test
    void readsSignatureDatesInEveryWriting() {
        assertThat(Labels.dateLine("2022年01月19日")).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(Labels.dateLine("2022年1月19日")).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(Labels.dateLine("2022-01-19")).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(Labels.dateLine("二〇二二年一月十九日")).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(Labels.dateLine("二〇二二年十二月三十一日")).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(Labels.dateLine("2022年13月19日")).isNull();
        assertThat(Labels.signatureWithDate("乌海市公安局2022年1月19日")).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(Labels.signatureWithDate("发布日期:2022-01-20")).isNull();
    }

    @Test
    void recognisesSectionTitlesButNotTableLabelsThatLookLikeThem() {
        assertThat(Labels.section("五、存在的主要问题及改进举措")).isEqualTo(Section.S5);
        assertThat(Labels.section("四.政府信息公开行政复议、行政诉讼情况")).isEqualTo(Section.S4);
        assertThat(Labels.section("三、本年度办理结果")).isNull();
        assertThat(Labels.section("四、结转下年度继续办理")).isNull();
        assertThat(Labels.section("一、本年新收政府信息公开申请数量")).isNull();
        assertThat(Labels.section("行政复议")).isNull();
        assertThat(Labels.section("二、总体情况")).as("numeral of another section").isNull();
    }
}
