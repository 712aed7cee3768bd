package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The draft of the government's own report for a year as the publishing service answers it
 * ({@code GET /api/office/compiled}, and {@code PUT /api/office/compiled/narrative} after a save): the sum of the
 * published tables 二/三/四 of the agencies in scope with the office's narrative, checked by the same rules as any
 * report.
 *
 * @param scope           {@link Scope#OWN} (本级) or {@link Scope#CITY} (全市汇总, published as an appendix)
 * @param format          the national format's code the report is summed in ({@code gov-2021}); the report core's
 *                        {@code ReportFormat}, which the contract cannot name (the core depends on the contract)
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
        Scope scope,
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

    /**
     * 本级: the agencies registered in the office's own jurisdiction. 全市汇总: those and every agency of every
     * jurisdiction below it, published as an appendix. The wire, the URLs and the stored publications name it by
     * its {@link #code()}.
     */
    public enum Scope {
        OWN("own"),
        CITY("city");

        private final String code;

        Scope(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }

        /** The scope of this code; empty for any other. */
        public static Optional<Scope> ofCode(String code) {
            return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
        }
    }

    /** @param revision the published revision summed (第 n 版) */
    public record Included(
            String agency,
            String nameZh,
            String jurisdiction,
            String jurisdictionZh,
            int revision,
            Instant publishedAt) {}

    /**
     * @param reason why it is not summed
     * @param status the agency's workflow status for the year, {@link SubmissionRow.State#NOT_STARTED} without a
     *               report
     */
    public record Missing(
            String agency,
            String nameZh,
            String jurisdiction,
            String jurisdictionZh,
            Reason reason,
            SubmissionRow.State status) {

        /** Why an agency in scope is not summed; the wire and the label keys name it by its {@link #code()}. */
        public enum Reason {
            /** No published revision of the year. */
            NOT_PUBLISHED("not-published"),
            /** Its report follows another national format than the year's. */
            FORMAT("format");

            private final String code;

            Reason(String code) {
                this.code = code;
            }

            @JsonValue
            public String code() {
                return code;
            }
        }
    }

    /**
     * A finding of the rules on the summed report, named as {@link FindingView} names one: the report core's rule id
     * and lower-case severity, which the contract cannot name as types (the core depends on the contract).
     */
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
