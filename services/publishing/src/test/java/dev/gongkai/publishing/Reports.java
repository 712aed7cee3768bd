package dev.gongkai.publishing;

import dev.gongkai.contract.China;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.render.CanonicalJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Reports to publish in tests: the national 2021 format, every cell filled, a few telling numbers. */
public final class Reports {

    private Reports() {}

    public static AnnualReport report(String agency, int year, long received) {
        AnnualReport.Builder builder = AnnualReport.builder(ReportFormat.forYear(year))
                .year(year)
                .agency(agency)
                .publishedOn(LocalDate.of(year + 1, 1, 19));
        for (CellDefinition cell : ReportLayout.of(ReportFormat.forYear(year)).cells()) {
            builder.cell(cell.key(), 0);
        }
        if (year >= 2021) {
            builder.cell("s2.normativeDocuments.issued", 19)
                    .cell("s2.licensing.decisions", 5)
                    .cell("s2.fees.amount", new BigDecimal("1.25"));
        }
        builder.cell("s3.received.naturalPerson", received)
                .cell("s3.received.total", received)
                .cell("s3.granted.naturalPerson", received)
                .cell("s3.granted.total", received)
                .cell("s3.handledTotal.naturalPerson", received)
                .cell("s3.handledTotal.total", received)
                .blank("s4.review.other");
        builder.narrative(Section.S1, year + "年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。")
                .narrative(Section.S5, "存在的主要问题是公开内容不够全面，下一步将加强培训。")
                .narrative(Section.S6, "无");
        return builder.build();
    }

    public static String json(String agency, int year, long received) {
        return CanonicalJson.write(report(agency, year, received));
    }

    /** A moment in Beijing time. */
    public static Instant beijing(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(10, 0).atZone(China.ZONE).toInstant();
    }
}
