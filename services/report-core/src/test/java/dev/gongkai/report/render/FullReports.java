package dev.gongkai.report.render;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;

/** Reports with every cell of a format filled, for layout tests. */
final class FullReports {

    private FullReports() {}

    static AnnualReport zeroes(ReportFormat format) {
        AnnualReport.Builder builder = AnnualReport.builder(format)
                .year(format == ReportFormat.V2021 ? 2021 : 2019)
                .agency("某市某局");
        for (CellDefinition cell : format.layout().cells()) {
            builder.cell(cell.key(), cell.type() == CellType.TEXT ? CellValue.text("0元") : CellValue.of(0));
        }
        for (Section section : Section.NARRATIVES) {
            builder.narrative(section, "无");
        }
        return builder.build();
    }
}
