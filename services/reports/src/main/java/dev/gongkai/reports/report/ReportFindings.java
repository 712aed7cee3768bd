package dev.gongkai.reports.report;

import static dev.gongkai.platform.jooq.agency_template.Tables.FINDING_EXPLANATION;

import dev.gongkai.contract.FindingView;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.rules.CheckContext;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.ReportChecker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Runs the report core's checker with the previous year as context and gives every finding a stable id, so an
 * explanation written for a warning stays attached for as long as the same finding persists.
 */
@Component
public class ReportFindings {

    private final ReportStore reports;

    public ReportFindings(ReportStore reports) {
        this.reports = reports;
    }

    public CheckedReport check(DSLContext dsl, int year, AnnualReport document) {
        AnnualReport previous = reports.previousYear(dsl, year).orElse(null);
        return check(document, previous, explanations(dsl, year));
    }

    public static CheckedReport check(AnnualReport document, AnnualReport previous, Map<String, String> explanations) {
        List<Finding> findings = ReportChecker.check(document, CheckContext.withPrevious(previous));
        return new CheckedReport(views(findings, explanations));
    }

    public static List<FindingView> views(List<Finding> findings, Map<String, String> explanations) {
        List<FindingView> views = new ArrayList<>(findings.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Finding finding : findings) {
            String base = rule(finding);
            int n = seen.merge(base, 1, Integer::sum);
            // The same rule on the same cells twice (rare): the second one is told apart by its rank.
            String id = id(n == 1 ? base : base + "|" + n);
            views.add(new FindingView(
                    id,
                    finding.rule(),
                    finding.severity().code(),
                    finding.cells(),
                    finding.messageZh(),
                    finding.messageEn(),
                    explanations.get(id)));
        }
        return views;
    }

    public Map<String, String> explanations(DSLContext dsl, int year) {
        return dsl.select(FINDING_EXPLANATION.FINDING_ID, FINDING_EXPLANATION.TEXT)
                .from(FINDING_EXPLANATION)
                .where(FINDING_EXPLANATION.YEAR.eq(year))
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    private static String rule(Finding finding) {
        return finding.rule() + "|" + String.join(",", new TreeSet<>(finding.cells()));
    }

    /** The first 12 hex digits of SHA-256 over the rule and its sorted cells. */
    static String id(String basis) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
