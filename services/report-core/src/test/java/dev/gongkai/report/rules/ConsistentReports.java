package dev.gongkai.report.rules;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.model.TableColumn;
import dev.gongkai.report.model.TableRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Reports that break no rule, built from a few figures: the totals are derived, the rest is zero. */
final class ConsistentReports {

    private ConsistentReports() {}

    static AnnualReport of(ReportFormat format, int year, Map<String, Long> figures) {
        AnnualReport.Builder report = AnnualReport.builder(format)
                .year(year)
                .agency("乌海市公安局")
                .publishedOn(LocalDate.of(year + 1, 1, 20))
                .narrative(Section.S1, year + "年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开。")
                .narrative(Section.S5, "一是公开内容不够丰富。\n二是解读形式较为单一。下一步将加强培训，丰富解读形式。")
                .narrative(Section.S6, "无");
        ReportLayout layout = format.layout();
        for (CellDefinition cell : layout.cells()) {
            CellValue value = cell.type() == CellType.TEXT ? CellValue.text("0元") : CellValue.of(0);
            report.cell(cell.key(), value);
        }
        figures.forEach(report::cell);
        AnnualReport partial = report.build();
        long[] received = new long[7];
        for (TableRow row : layout.table(Section.S3).rows()) {
            long sum = 0;
            for (TableColumn column : row.columns().subList(0, 6)) {
                sum += value(partial, row.cellKey(column));
            }
            report.cell(row.cellKey("total"), sum);
        }
        partial = report.build();
        for (int c = 0; c < 7; c++) {
            String column = ReportLayout.APPLICANT_COLUMNS.get(c).key();
            long handled = 0;
            for (TableRow row : layout.resultRows()) {
                handled += value(partial, row.cellKey(column));
            }
            report.cell("s3.handledTotal." + column, handled);
            received[c] = value(partial, "s3.received." + column) + value(partial, "s3.carriedOver." + column);
            report.cell("s3.carriedForward." + column, received[c] - handled);
        }
        for (TableRow row : layout.table(Section.S4).rows()) {
            long sum = 0;
            for (TableColumn column : row.columns().subList(0, 4)) {
                sum += value(partial, row.cellKey(column));
            }
            report.cell(row.cellKey("total"), sum);
        }
        return report.build();
    }

    private static long value(AnnualReport report, String key) {
        return report.number(key).map(BigDecimal::longValueExact).orElse(0L);
    }
}
