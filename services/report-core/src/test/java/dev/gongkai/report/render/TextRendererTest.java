package dev.gongkai.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {

    @Test
    void writesTheSeedLayoutWithCellsJoinedByBars() {
        List<String> lines = TextRenderer.render(SeedReport.report()).lines().toList();

        assertThat(lines.getFirst()).isEqualTo("乌海市公安局2021年政府信息公开工作年度报告");
        assertThat(lines)
                .containsSubsequence(
                        "二、主动公开政府信息情况",
                        "第二十条第(一)项",
                        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
                        "规章 | 0 | 0 | 0",
                        "行政规范性文件 | 19 | 0 | 21",
                        "第二十条第(五)项",
                        "信息内容 | 本年处理决定数量",
                        "行政许可 | 5",
                        "三、收到和处理政府信息公开申请情况",
                        TableGrid.BALANCE_NOTE + " | 申请人情况",
                        "自然人 | 法人或其他组织 | 总计",
                        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
                        "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                        "三、本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                        "(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                        "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                        "四、政府信息公开行政复议、行政诉讼情况",
                        "行政复议 | 行政诉讼",
                        "未经复议直接起诉 | 复议后起诉",
                        "五、存在的主要问题及改进情况",
                        "六、其他需要报告的事项",
                        "(无)",
                        "乌海市公安局",
                        "2022年01月19日");
        assertThat(lines.getLast()).isEqualTo("2022年01月19日");
    }

    @Test
    void leavesBlankCellsEmptyBetweenTheBars() {
        AnnualReport report = SeedReport.report().toBuilder()
                .blank("s2.normativeDocuments.repealed")
                .blank("s3.received.total")
                .build();

        String text = TextRenderer.render(report);

        assertThat(text).contains("\n行政规范性文件 | 19 |  | 21\n", "\n一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | \n");
    }
}
