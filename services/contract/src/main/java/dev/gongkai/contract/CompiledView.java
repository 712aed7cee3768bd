package dev.gongkai.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The draft of the government's own report for a year as the publishing service answers it
 * ({@code GET /api/office/compiled}, and {@code PUT /api/office/compiled/narrative} after a save): the sum of the
 * published tables 二/三/四 of the agencies in scope with the office's narrative, checked by the same rules as any
 * report.
 *
 * @param scope           {@code own} (本级) or {@code city} (全市汇总, published as an appendix)
 * @param jurisdictionsZh the jurisdictions summed, the office's own first
 * @param complete        every agency in scope included and every cell summed
 * @param incompleteCells cells left blank because an included agency has no number there, with those agencies' names
 * @param report          the summed report with the office's narrative draft, as its canonical JSON
 * @param draftVersion    the version of the narrative draft (0: none saved yet), its ETag
 * @param publishable     no error stops its publication
 * @param publications    every published revision of this year and scope, oldest first
 * @param publicPath      where the portal shows the current revision; null before the first publication
 */
public record CompiledView(
        int year,
        String jurisdiction,
        String scope,
        String scopeZh,
        boolean appendix,
        String format,
        List<String> jurisdictionsZh,
        List<Included> included,
        List<Missing> missing,
        boolean complete,
        Map<String, List<String>> incompleteCells,
        List<Finding> findings,
        ReportDocument report,
        int draftVersion,
        boolean publishable,
        List<Publication> publications,
        String publicPath) {

    /** @param revision the published revision summed (第 n 版) */
    public record Included(
            String agency,
            String nameZh,
            String jurisdiction,
            String jurisdictionZh,
            int revision,
            Instant publishedAt) {}

    /**
     * @param reason {@value #NOT_PUBLISHED}, or {@value #FORMAT} when its report follows another national format
     * @param status the agency's workflow status for the year, {@code NONE} without a report
     */
    public record Missing(
            String agency, String nameZh, String jurisdiction, String jurisdictionZh, String reason, String status) {

        public static final String NOT_PUBLISHED = "not-published";
        public static final String FORMAT = "format";
    }

    /** A finding of the rules on the summed report. */
    public record Finding(String rule, String severity, List<String> cells, String messageZh, String messageEn) {}

    /** A line of the publication history. */
    public record Publication(int number, Instant publishedAt, boolean correction, String reason) {}

    /**
     * What publishing answered ({@code POST /api/office/compiled/publications}).
     *
     * @param correction a publication after the first, with its {@code reason}
     * @param publicPath where the portal shows it
     */
    public record Published(int number, boolean correction, String reason, Instant publishedAt, String publicPath) {}
}
