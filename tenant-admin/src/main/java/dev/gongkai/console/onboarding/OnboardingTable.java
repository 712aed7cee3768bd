package dev.gongkai.console.onboarding;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The reports service's answer on an onboarding zip as the page shows it: the batch check's totals, how many files
 * have each outcome (in the order an office reads them: imported first, what is refused last), and one row per file.
 */
record OnboardingTable(Summary summary, List<Count> outcomes, List<Row> rows) {

    /** The outcomes as the service writes them, in the order the page lists them. */
    static final List<String> OUTCOMES =
            List.of("import", "imported", "already-imported", "exists", "current-cycle", "unmatched", "unreadable");

    record Summary(int files, int reports, int notReports, int withErrors, int withWarnings, long unreadableCells) {}

    record Count(String outcome, long count) {}

    /**
     * @param agencyName   the agency of the city the file goes to; null when none
     * @param reportAgency the agency as the report names it; null when the file is not a report
     * @param format       {@code 2021} or {@code 2019}; null when the file is not a report
     */
    record Row(
            String file,
            String outcome,
            String agencyName,
            String reportAgency,
            Integer year,
            String format,
            long errors,
            long warnings,
            int unreadableCells,
            String messageZh,
            String messageEn) {

        public boolean isReport() {
            return format != null;
        }
    }

    /** Whether importing would store anything: else 确认导入 has nothing to do. */
    public boolean anythingToImport() {
        return outcomes.stream().anyMatch(count -> count.outcome().equals("import"));
    }

    static OnboardingTable of(JsonNode answer) {
        JsonNode s = answer.path("summary");
        Summary summary = new Summary(
                s.path("files").asInt(),
                s.path("reports").asInt(),
                s.path("notReports").asInt(),
                s.path("withErrors").asInt(),
                s.path("withWarnings").asInt(),
                s.path("unreadableCells").asLong());
        List<Count> outcomes = new ArrayList<>();
        for (String outcome : OUTCOMES) {
            long count = answer.path("outcomes").path(outcome).asLong(0);
            if (count > 0) {
                outcomes.add(new Count(outcome, count));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : answer.path("results")) {
            rows.add(new Row(
                    r.path("file").asString(),
                    r.path("outcome").asString(),
                    text(r, "agencyName"),
                    text(r, "reportAgency"),
                    r.path("year").isNumber() ? r.path("year").asInt() : null,
                    text(r, "format"),
                    r.path("errors").asLong(),
                    r.path("warnings").asLong(),
                    r.path("unreadableCells").asInt(),
                    r.path("message_zh").asString(""),
                    r.path("message_en").asString("")));
        }
        return new OnboardingTable(summary, outcomes, rows);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
