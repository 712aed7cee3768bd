package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.publishing.revisions.ReportState;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.render.CanonicalJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One year of a jurisdiction as open data: every published report's canonical JSON, plus one CSV with a row per
 * agency and a column per cell key of the year's national format.
 */
final class BulkExport {

    record Entry(Agency agency, ReportState state, PublishedRevision revision) {
    }

    private BulkExport() {
    }

    static byte[] zip(Jurisdiction jurisdiction, int year, List<Entry> entries) {
        String folder = jurisdiction.slug() + "-" + year + "/";
        List<String> keys = ReportLayout.of(ReportFormat.forYear(year)).cells().stream()
                .map(CellDefinition::key).toList();
        List<String> header = new ArrayList<>(List.of("agency", "agency_name", "year", "revision", "published_at",
                "late", "corrections", "imported", "website_url"));
        header.addAll(keys);
        Csv csv = new Csv().row(header);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Entry entry : entries) {
                PublishedRevision revision = entry.revision();
                zip.putNextEntry(new ZipEntry(folder + entry.agency().slug() + ".json"));
                zip.write(CanonicalJson.writeBytes(revision.report()));
                zip.closeEntry();
                List<String> row = new ArrayList<>(List.of(entry.agency().slug().value(), entry.agency().nameZh(),
                        Integer.toString(year), Integer.toString(revision.number()),
                        revision.publishedAt().toString(), Boolean.toString(entry.state().late()),
                        Integer.toString(entry.state().corrections()), Boolean.toString(revision.imported()),
                        revision.websiteUrl() == null ? "" : revision.websiteUrl()));
                for (String key : keys) {
                    row.add(Csv.cell(revision.report(), key));
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
}
