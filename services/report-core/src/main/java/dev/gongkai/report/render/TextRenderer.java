package dev.gongkai.report.render;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.Section;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as plain text in the seed layout, as government sites and scrapers flatten the published page: the
 * title, the section titles, one line per narrative paragraph, each table row as its cells joined by " | " (a
 * label spanning several rows written once, on its first row), then the agency and the date. Blank cells are empty
 * between the separators. Useful to feed the text importer and to diff reports.
 */
public final class TextRenderer {

    private TextRenderer() {}

    public static byte[] renderBytes(AnnualReport report) {
        return render(report).getBytes(StandardCharsets.UTF_8);
    }

    public static String render(AnnualReport report) {
        StringBuilder out = new StringBuilder(16384);
        out.append(HtmlRenderer.title(report)).append('\n');
        for (Section section : Section.values()) {
            out.append(section.titleZh()).append('\n');
            if (section.kind() == Section.Kind.NARRATIVE) {
                String text = report.narrative(section);
                if (text != null) {
                    for (String line : text.split("\\R")) {
                        if (!line.isBlank()) {
                            out.append(line).append('\n');
                        }
                    }
                }
            } else {
                for (TableGrid.Row row :
                        TableGrid.of(report, report.layout().table(section)).rows()) {
                    List<String> cells = new ArrayList<>();
                    for (TableGrid.Cell cell : row.cells()) {
                        cells.add(cell.text());
                    }
                    out.append(String.join(" | ", cells)).append('\n');
                }
            }
        }
        if (report.agency() != null) {
            out.append(report.agency()).append('\n');
        }
        if (report.publishedOn() != null) {
            out.append(chineseDate(report.publishedOn())).append('\n');
        }
        return out.toString();
    }

    /** "2022年01月19日", as reports sign. */
    static String chineseDate(LocalDate date) {
        return String.format("%d年%02d月%02d日", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }
}
