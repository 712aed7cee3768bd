package dev.gongkai.console.office;

import dev.gongkai.console.services.Downloads;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.ServiceUrls;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.China;
import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.contract.ComplianceView;
import dev.gongkai.contract.ReminderView;
import dev.gongkai.contract.Scorecard;
import dev.gongkai.contract.ScorecardPack;
import dev.gongkai.contract.ScorecardPackRequest;
import dev.gongkai.contract.ScorecardsView;
import dev.gongkai.contract.SubmissionRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The compliance dashboard on the publishing service's office views: every agency of the jurisdiction with its
 * state, deadline and lateness ({@code /api/office/compliance}), the totals as a bar chart drawn on the server, the
 * scorecard beside each agency with every deduction and its evidence ({@code /api/office/scorecards}), the
 * reminders sent, CSV exports passed through with the user's token, and the office-admin's scorecard pack.
 */
@Controller
class ComplianceController {

    /** The workflow order the chart follows; no report at all first. */
    static final List<SubmissionRow.State> STATUSES = List.of(
            SubmissionRow.State.NOT_STARTED,
            SubmissionRow.State.DRAFT,
            SubmissionRow.State.PENDING_SIGNOFF,
            SubmissionRow.State.RETURNED,
            SubmissionRow.State.SUBMITTED,
            SubmissionRow.State.APPROVED,
            SubmissionRow.State.PUBLISHED);

    static final List<ComplianceRow.Compliance> COMPLIANCE = List.of(ComplianceRow.Compliance.values());

    private final Services services;
    private final ServiceUrls urls;
    private final OfficePublishingClient publishing;

    ComplianceController(Services services, ServiceUrls urls) {
        this.services = services;
        this.urls = urls;
        this.publishing = OfficePublishingClient.of(services);
    }

    static int defaultYear() {
        return LocalDate.now(China.ZONE).getYear() - 1;
    }

    record Finding(String rule, String severity, String messageZh, String messageEn, List<String> cells) {}

    record Deduction(
            String item,
            String points,
            String label,
            String summaryZh,
            String summaryEn,
            String link,
            List<Finding> findings) {}

    /** @param notDue not published and the line not passed yet: nothing is owed, nothing deducted */
    record Card(String base, String score, String deducted, boolean notDue, List<Deduction> deductions) {}

    /**
     * @param revision    the report's revision the counts belong to
     * @param corrections published corrections; {@code correcting} while a correction of a published report is open
     */
    record Row(
            String agency,
            String nameZh,
            String jurisdiction,
            SubmissionRow.State status,
            ComplianceRow.Compliance compliance,
            String deadline,
            Integer daysLeft,
            Integer daysLate,
            String submittedAt,
            String publishedAt,
            int errors,
            int warnings,
            int unexplained,
            String websiteUrl,
            boolean websiteUrlMissing,
            boolean published,
            Card card,
            Integer revision,
            int corrections,
            boolean correcting) {}

    /** One bar of the chart, laid out here so the template only writes SVG attributes. */
    record Bar(SubmissionRow.State status, long count, int y, int width) {}

    /** @param name the item's own name, for a line the office left without a label */
    record PackLine(String item, String points, String label, String name) {}

    @GetMapping("/office/compliance")
    String compliance(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : defaultYear();
        ComplianceView body = publishing.compliance(shown);
        Map<String, Card> cards = new HashMap<>();
        try {
            ScorecardsView scored = publishing.scorecards(shown);
            for (Scorecard card : scored.agencies()) {
                cards.put(card.agency(), card(card));
            }
            ScorecardPack pack = scored.pack();
            model.addAttribute("pack", pack(pack, scored.items()));
            model.addAttribute("packBase", plain(pack.base()));
            model.addAttribute(
                    "packLine", pack.line() == null ? "" : pack.line().toString());
            model.addAttribute("packDefaults", pack.defaults());
            model.addAttribute("packUpdatedBy", pack.updatedBy());
            model.addAttribute("packUpdatedByName", pack.updatedByName());
            model.addAttribute("packUpdatedByAgency", pack.updatedByAgency());
            model.addAttribute("items", scored.items());
        } catch (ServiceProblem problem) {
            // Several jurisdictions (the service asks which) or scoring refused: the list still shows.
            model.addAttribute("scorecardProblem", problem);
        }
        List<Row> rows = new ArrayList<>();
        for (ComplianceRow r : body.agencies()) {
            rows.add(new Row(
                    r.agency(),
                    r.nameZh(),
                    r.jurisdiction(),
                    r.status(),
                    r.compliance(),
                    r.deadline() == null ? "" : r.deadline().toString(),
                    r.daysLeft(),
                    r.daysLate(),
                    China.minute(r.submittedAt()),
                    China.minute(r.publishedAt()),
                    r.errors(),
                    r.warnings(),
                    r.unexplainedWarnings(),
                    r.websiteUrl(),
                    r.websiteUrlMissing(),
                    r.published(),
                    cards.get(r.agency()),
                    r.revision(),
                    r.corrections(),
                    r.correcting()));
        }
        ComplianceView.Totals totals = body.totals();
        model.addAttribute("year", shown);
        model.addAttribute("rows", rows);
        model.addAttribute("totals", totals);
        model.addAttribute("byStatus", counts(totals.byStatus(), STATUSES));
        model.addAttribute("byCompliance", counts(totals.byCompliance(), COMPLIANCE));
        model.addAttribute("bars", bars(totals.byStatus()));
        model.addAttribute("chartHeight", STATUSES.size() * BAR_STEP + 10);
        model.addAttribute("notifications", notifications(shown));
        model.addAttribute("portal", urls.portal());
        return "office/compliance";
    }

    static final int BAR_STEP = 30;
    static final int BAR_MAX = 420;

    /** Agencies per workflow status, every status shown (an empty bar says "none" as plainly as a full one). */
    static List<Bar> bars(Map<SubmissionRow.State, Long> byStatus) {
        long max = 1;
        for (SubmissionRow.State status : STATUSES) {
            max = Math.max(max, byStatus.getOrDefault(status, 0L));
        }
        List<Bar> bars = new ArrayList<>();
        int y = 5;
        for (SubmissionRow.State status : STATUSES) {
            long count = byStatus.getOrDefault(status, 0L);
            bars.add(new Bar(status, count, y, (int) Math.round((double) BAR_MAX * count / max)));
            y += BAR_STEP;
        }
        return bars;
    }

    /** The counts in {@code order} (every one, none as 0), then any the service counts beyond it. */
    private static <K> Map<K, Long> counts(Map<K, Long> counted, List<K> order) {
        Map<K, Long> counts = new LinkedHashMap<>();
        order.forEach(key -> counts.put(key, counted.getOrDefault(key, 0L)));
        counted.forEach(counts::putIfAbsent);
        return counts;
    }

    private List<ReminderView> notifications(int year) {
        try {
            return publishing.notifications(year).notifications();
        } catch (ServiceProblem problem) {
            return List.of();
        }
    }

    static Card card(Scorecard card) {
        List<Deduction> deductions = new ArrayList<>();
        for (Scorecard.Applied d : card.deductions()) {
            Scorecard.Evidence evidence = d.evidence();
            List<Finding> findings = new ArrayList<>();
            if (evidence != null && evidence.findings() != null) {
                for (Scorecard.EvidenceFinding f : evidence.findings()) {
                    findings.add(new Finding(
                            f.rule(),
                            f.severity(),
                            orEmpty(f.messageZh()),
                            orEmpty(f.messageEn()),
                            f.cells() == null ? List.of() : f.cells()));
                }
            }
            deductions.add(new Deduction(
                    d.item(),
                    plain(d.points()),
                    d.labelZh(),
                    evidence == null ? "" : orEmpty(evidence.summaryZh()),
                    evidence == null ? "" : orEmpty(evidence.summaryEn()),
                    evidence == null ? null : evidence.link(),
                    findings));
        }
        return new Card(plain(card.base()), plain(card.score()), plain(card.deducted()), card.notDue(), deductions);
    }

    static List<PackLine> pack(ScorecardPack pack, List<ScorecardPack.Item> items) {
        Map<String, String> names = new HashMap<>();
        items.forEach(item -> names.put(item.item(), item.nameZh()));
        List<PackLine> lines = new ArrayList<>();
        for (ScorecardPack.Deduction d : pack.deductions()) {
            lines.add(new PackLine(
                    d.item(), plain(d.points()), orEmpty(d.labelZh()), names.getOrDefault(d.item(), d.item())));
        }
        return lines;
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    @GetMapping("/office/compliance.csv")
    @ResponseBody
    ResponseEntity<byte[]> complianceCsv(@RequestParam(required = false) Integer year) {
        int shown = year != null ? year : defaultYear();
        return Downloads.proxy(
                services.publishing().get().uri("/api/office/compliance?year={year}&format=csv", shown),
                "compliance-" + shown + ".csv");
    }

    @GetMapping("/office/scorecards.csv")
    @ResponseBody
    ResponseEntity<byte[]> scorecardsCsv(@RequestParam(required = false) Integer year) {
        int shown = year != null ? year : defaultYear();
        return Downloads.proxy(
                services.publishing().get().uri("/api/office/scorecards?year={year}&format=csv", shown),
                "scorecards-" + shown + ".csv");
    }

    /**
     * The office-admin's scorecard pack: base, optional line, and one deduction per row (rows with no item are
     * left out, so the blank rows at the end of the form add new ones). The service validates and names the field.
     */
    @PostMapping("/office/scorecard-pack")
    String savePack(
            @RequestParam int year,
            @RequestParam String base,
            @RequestParam(required = false) String line,
            @RequestParam(name = "item", required = false) List<String> items,
            @RequestParam(name = "points", required = false) List<String> points,
            @RequestParam(name = "label", required = false) List<String> labels,
            Locale locale,
            RedirectAttributes redirect) {
        List<ScorecardPack.Deduction> deductions = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String item = items.get(i).strip();
            if (item.isEmpty()) {
                continue;
            }
            String p = points != null && i < points.size() ? points.get(i).strip() : "";
            String label = labels != null && i < labels.size() ? labels.get(i).strip() : "";
            deductions.add(new ScorecardPack.Deduction(item, decimal(p), label.isEmpty() ? null : label));
        }
        // What is not a number or a date goes as nothing: the service refuses it and names the field.
        var request = new ScorecardPackRequest(year, null, decimal(base.strip()), date(line), deductions);
        try {
            publishing.savePack(request);
            redirect.addFlashAttribute("notice", "pack.saved");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/office/compliance?year=" + year + "#pack";
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
