package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.publishing.revisions.ReportState;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One year of a jurisdiction as open data: every published report's canonical JSON (for programs: stable cell keys),
 * plus one CSV for people, with a row per agency and a column per cell of the year's national format, headed by the
 * cell's name as the tables word it, in the reader's language, and every value in words (times in China's time
 * zone, yes/no), like the compare CSV.
 */
final class BulkExport {

    record Entry(Agency agency, ReportState state, PublishedRevision revision) {}

    private BulkExport() {}

    static byte[] zip(Jurisdiction jurisdiction, int year, List<Entry> entries, Lang lang) {
        String folder = jurisdiction.slug() + "-" + year + "/";
        List<CellDefinition> cells = ReportLayout.of(ReportFormat.forYear(year)).cells();
        List<String> header = new ArrayList<>(List.of(
                lang.t("机关", "Agency"),
                lang.t("年度", "Year"),
                lang.t("版本", "Revision"),
                lang.t("发布时间", "Published at"),
                lang.t("逾期发布", "Published late"),
                lang.t("更正次数", "Corrections"),
                lang.t("历史导入", "Imported history"),
                lang.t("网站地址", "Website address")));
        cells.forEach(cell -> header.add(CompareView.name(cell, lang)));
        CsvTable csv = new CsvTable().row(header);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Entry entry : entries) {
                PublishedRevision revision = entry.revision();
                zip.putNextEntry(new ZipEntry(folder + entry.agency().slug() + ".json"));
                zip.write(CanonicalJson.writeBytes(revision.report()));
                zip.closeEntry();
                List<Object> row = new ArrayList<>(List.of(
                        entry.agency().nameZh(),
                        year,
                        revision.number(),
                        Html.dateTime(revision.publishedAt()),
                        yesNo(entry.state().late(), lang),
                        entry.state().corrections(),
                        yesNo(revision.imported(), lang),
                        revision.websiteUrl() == null ? "" : revision.websiteUrl()));
                for (CellDefinition cell : cells) {
                    row.add(revision.report().cell(cell.key()).orElse(null));
                }
                csv.row(row);
            }
            zip.putNextEntry(new ZipEntry(folder + jurisdiction.slug() + "-" + year + ".csv"));
            zip.write(csv.bytes());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String yesNo(boolean value, Lang lang) {
        return value ? lang.t("是", "yes") : lang.t("否", "no");
    }
}
