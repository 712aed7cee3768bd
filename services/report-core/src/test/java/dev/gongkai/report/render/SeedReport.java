package dev.gongkai.report.render;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The seed fixture (乌海市公安局, 2021) built cell by cell with its published numbers. */
public final class SeedReport {

    public static final String FIXTURE = "/fixtures/wuhai-psb-2021.txt";

    private SeedReport() {}

    public static byte[] fixtureBytes() {
        try (InputStream in = SeedReport.class.getResourceAsStream(FIXTURE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AnnualReport report() {
        AnnualReport.Builder builder = AnnualReport.builder(ReportFormat.V2021)
                .year(2021)
                .agency("乌海市公安局")
                .publishedOn(LocalDate.of(2022, 1, 19));
        for (CellDefinition cell : ReportLayout.of(ReportFormat.V2021).cells()) {
            builder.cell(cell.key(), 0);
        }
        builder.cell("s2.normativeDocuments.issued", 19)
                .cell("s2.normativeDocuments.inForce", 21)
                .cell("s2.licensing.decisions", 5)
                .cell("s2.penalties.decisions", 3)
                .cell("s2.coercion.decisions", 4)
                .cell("s2.fees.amount", new BigDecimal("0"));
        List<String> lines =
                new String(fixtureBytes(), StandardCharsets.UTF_8).lines().toList();
        builder.narrative(Section.S1, between(lines, "一、总体情况", "二、主动公开政府信息情况"));
        builder.narrative(Section.S5, between(lines, "五、存在的主要问题及改进情况", "六、其他需要报告的事项"));
        builder.narrative(Section.S6, "(无)");
        return builder.build();
    }

    private static String between(List<String> lines, String from, String to) {
        List<String> text = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.equals(to)) {
                break;
            }
            if (inside) {
                text.add(line.strip());
            }
            inside |= line.equals(from);
        }
        return String.join("\n", text);
    }
}
