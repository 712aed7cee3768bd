package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The reports service's answer on an office's onboarding zip ({@code POST /api/office/imports/check} says what
 * importing would do, {@code POST /api/office/imports} what it did), file by file.
 *
 * @param files    every file of the zip (reports and not)
 * @param summary  the batch check's totals, as {@code report-cli check} writes them
 * @param outcomes how many files have each outcome
 */
public record OnboardingPlan(
        int files, BatchSummary summary, Map<OnboardingOutcome, Long> outcomes, List<FileResult> results) {

    /**
     * One file's line: what the batch check read in it (as {@code report-cli check} writes it) and what importing
     * does with it.
     *
     * @param outcome         what importing does (or did) with the file
     * @param agency          the agency's slug the file maps to or is matched to by name; null when none
     * @param agencyName      that agency's registry name; null when none
     * @param reportAgency    the agency as the report writes it (or as it was inferred from the body)
     * @param year            the year the report is for; null when the file is not a report
     * @param format          the national format read ({@code 2021}, {@code 2019}); null when not a report
     * @param unreadableCells cells of the format the file did not give
     * @param code            why the file is not imported ({@code NAME}, {@code MAPPING}, {@code YEAR},
     *                        {@code CURRENT_CYCLE}, or the importer's code of an unreadable file); null otherwise
     * @param findings        what reading and checking an imported report found, else empty
     */
    public record FileResult(
            String file,
            OnboardingOutcome outcome,
            String agency,
            String agencyName,
            String reportAgency,
            Integer year,
            String format,
            long errors,
            long warnings,
            int unreadableCells,
            String code,
            @JsonProperty("message_zh") String messageZh,
            @JsonProperty("message_en") String messageEn,
            List<FindingView> findings) {}
}
