package dev.gongkai.publishing.scorecard;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.China;
import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.contract.Scorecard;
import dev.gongkai.contract.Scorecard.Applied;
import dev.gongkai.contract.Scorecard.Evidence;
import dev.gongkai.contract.Scorecard.EvidenceFinding;
import dev.gongkai.contract.ScorecardPack;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.compliance.Compliance;
import dev.gongkai.publishing.compliance.ComplianceWords;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.rules.CheckContext;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.ReportChecker;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores every agency of a jurisdiction with the office's pack: the current published revision is re-checked by
 * {@link ReportChecker} with the same agency's published report of the year before as context, and each deduction
 * keeps what it rests on (finding ids and messages, dates, the URL).
 */
public class Scorecards {

    static final Set<String> ARITHMETIC = Set.of("S3_BALANCE", "S3_HANDLED_SUM", "S3_ROW_TOTAL", "S4_TOTAL");

    private final Compliance compliance;
    private final PublishedRevisions revisions;
    private final ScorecardPacks packs;
    private final Clock clock;

    Scorecards(Compliance compliance, PublishedRevisions revisions, ScorecardPacks packs, Clock clock) {
        this.compliance = compliance;
        this.revisions = revisions;
        this.packs = packs;
        this.clock = clock;
    }

    ScorecardPack pack(Jurisdiction jurisdiction, int year) {
        return packs.of(jurisdiction.slug(), year);
    }

    List<Scorecard> score(Jurisdiction jurisdiction, ScorecardPack pack) {
        List<Scorecard> cards = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(China.ZONE));
        for (ComplianceRow row : compliance.rows(List.of(jurisdiction), pack.year())) {
            cards.add(score(row, pack, today));
        }
        return cards;
    }

    /**
     * @param today the date in China: a report not yet published is only missing once the line (the pack's own, or
     *              the legal deadline) has passed; until then it is not due and nothing is deducted
     */
    Scorecard score(ComplianceRow row, ScorecardPack pack, LocalDate today) {
        List<Applied> applied = new ArrayList<>();
        LocalDate line = row.compiled() || pack.line() == null ? row.deadline() : pack.line();
        boolean notDue = !row.published() && !today.isAfter(line);
        if (!row.published() && !notDue) {
            String status = ComplianceWords.status(row, Locale.ROOT);
            deduction(pack, ScorecardPack.REPORT_MISSING)
                    .ifPresent(d -> applied.add(new Applied(
                            d.item(),
                            d.points(),
                            ScorecardItems.label(d.item(), d.labelZh()),
                            new Evidence(
                                    "时限 " + line + " 已过，仍未发布（" + status + "）",
                                    "Not published by " + line,
                                    List.of(),
                                    null,
                                    line,
                                    row.deadline(),
                                    row.status(),
                                    null,
                                    null,
                                    null,
                                    null))));
        } else if (row.published()) {
            AgencySlug slug = AgencySlug.of(row.agency());
            PublishedRevision current = revisions.current(slug, row.year()).orElseThrow();
            Optional<AnnualReport> previous =
                    revisions.current(slug, row.year() - 1).map(PublishedRevision::report);
            List<EvidenceFinding> findings = withIds(ReportChecker.check(
                    current.report(), new CheckContext(previous, row.kind() == AgencyKind.DISCLOSURE_OFFICE)));
            String link = "/public/" + row.jurisdiction() + "/" + row.agency() + "/" + row.year();
            Integer previousYear = previous.isPresent() ? row.year() - 1 : null;
            for (ScorecardPack.Deduction d : pack.deductions()) {
                Evidence evidence = switch (d.item()) {
                    case ScorecardPack.REPORT_MISSING -> null;
                    case ScorecardPack.PUBLISHED_AFTER_LINE -> {
                        LocalDate on = row.publishedAt().atZone(China.ZONE).toLocalDate();
                        yield on.isAfter(line)
                                ? new Evidence(
                                        "首次发布于 " + on + "，晚于时限 " + line,
                                        "First published on " + on + ", after the line " + line,
                                        List.of(),
                                        row.publishedAt(),
                                        line,
                                        row.deadline(),
                                        row.status(),
                                        null,
                                        current.number(),
                                        null,
                                        link)
                                : null;
                    }
                    case ScorecardPack.WEBSITE_URL_MISSING ->
                        row.websiteUrlMissing()
                                ? new Evidence(
                                        "第 " + current.number() + " 版未登记本机关网站发布地址",
                                        "No website URL recorded for revision " + current.number(),
                                        List.of(),
                                        row.publishedAt(),
                                        null,
                                        null,
                                        row.status(),
                                        null,
                                        current.number(),
                                        null,
                                        link)
                                : null;
                    case ScorecardPack.DATA_INCONSISTENT ->
                        findingsEvidence(
                                findings.stream()
                                        .filter(f -> ARITHMETIC.contains(f.rule()) && "error".equals(f.severity()))
                                        .toList(),
                                "数据勾稽关系不符",
                                "The figures do not add up",
                                current,
                                previousYear,
                                link);
                    default ->
                        findingsEvidence(
                                findings.stream()
                                        .filter(f -> f.rule().equals(d.item()))
                                        .toList(),
                                ScorecardItems.itemZh(d.item()),
                                ScorecardItems.itemEn(d.item()),
                                current,
                                previousYear,
                                link);
                };
                if (evidence != null) {
                    applied.add(
                            new Applied(d.item(), d.points(), ScorecardItems.label(d.item(), d.labelZh()), evidence));
                }
            }
        }
        BigDecimal deducted = applied.stream().map(Applied::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = pack.base().subtract(deducted).max(BigDecimal.ZERO);
        return new Scorecard(row.agency(), row.nameZh(), pack.base(), score, deducted, notDue, applied, row);
    }

    private static Evidence findingsEvidence(
            List<EvidenceFinding> findings,
            String zh,
            String en,
            PublishedRevision current,
            Integer previousYear,
            String link) {
        if (findings.isEmpty()) {
            return null;
        }
        return new Evidence(
                zh + "（" + findings.size() + " 项）：" + findings.getFirst().messageZh(),
                en + " (" + findings.size() + "): " + findings.getFirst().messageEn(),
                findings,
                current.publishedAt(),
                null,
                null,
                null,
                null,
                current.number(),
                previousYear,
                link);
    }

    private static Optional<ScorecardPack.Deduction> deduction(ScorecardPack pack, String item) {
        return pack.deductions().stream().filter(d -> d.item().equals(item)).findFirst();
    }

    /** The reports service's finding ids: SHA-256 over the rule and its sorted cells (a rank when repeated). */
    static List<EvidenceFinding> withIds(List<Finding> findings) {
        List<EvidenceFinding> result = new ArrayList<>(findings.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : findings) {
            String base = f.rule() + "|" + String.join(",", new TreeSet<>(f.cells()));
            int n = seen.merge(base, 1, Integer::sum);
            result.add(new EvidenceFinding(
                    id(n == 1 ? base : base + "|" + n),
                    f.rule(),
                    f.severity().code(),
                    f.cells(),
                    f.messageZh(),
                    f.messageEn()));
        }
        return result;
    }

    private static String id(String basis) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
