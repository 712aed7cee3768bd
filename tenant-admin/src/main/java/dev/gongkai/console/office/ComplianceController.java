package dev.gongkai.console.office;

import dev.gongkai.console.services.Downloads;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.ServiceUrls;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.China;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compliance dashboard on the publishing service's office views: every agency of the jurisdiction with its
 * state, deadline and lateness ({@code /api/office/compliance}), the totals as a bar chart drawn on the server, the
 * scorecard beside each agency with every deduction and its evidence ({@code /api/office/scorecards}), the
 * reminders sent, CSV exports passed through with the user's token, and the office-admin's scorecard pack.
 */
@Controller
class ComplianceController {

    static final ZoneId CHINA = China.ZONE;
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The workflow order the chart follows; NONE first (no report at all). */
    static final List<String> STATUSES =
            List.of("NONE", "DRAFT", "PENDING_SIGNOFF", "RETURNED", "SUBMITTED", "APPROVED", "PUBLISHED");

    static final List<String> COMPLIANCE = List.of("ON_TIME", "LATE", "OPEN", "OVERDUE");

    private final Services services;
    private final ServiceUrls urls;
    private final JsonMapper json;

    ComplianceController(Services services, ServiceUrls urls, JsonMapper json) {
        this.services = services;
        this.urls = urls;
        this.json = json;
    }

    static int defaultYear() {
        return LocalDate.now(CHINA).getYear() - 1;
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
            String status,
            String compliance,
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

    /** A deduction item to choose in the pack form. */
    record Item(String item, String nameZh, String nameEn) {}

    /** One bar of the chart, laid out here so the template only writes SVG attributes. */
    record Bar(String status, long count, int y, int width) {}

    /** @param name the item's own name, for a line the office left without a label */
    record PackLine(String item, String points, String label, String name) {}

    @GetMapping("/office/compliance")
    String compliance(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : defaultYear();
        JsonNode body = services.publishing()
                .get()
                .uri("/api/office/compliance?year={year}", shown)
                .retrieve()
                .body(JsonNode.class);
        Map<String, Card> cards = new HashMap<>();
        try {
            JsonNode scored = services.publishing()
                    .get()
                    .uri("/api/office/scorecards?year={year}", shown)
                    .retrieve()
                    .body(JsonNode.class);
            for (JsonNode card : scored.path("agencies")) {
                cards.put(card.path("agency").asString(), card(card));
            }
            model.addAttribute("pack", pack(scored.path("pack"), scored.path("items")));
            model.addAttribute("packBase", plain(scored.path("pack").path("base")));
            JsonNode line = scored.path("pack").path("line");
            model.addAttribute("packLine", line.isString() ? line.asString() : "");
            model.addAttribute(
                    "packDefaults", scored.path("pack").path("defaults").asBoolean(false));
            model.addAttribute(
                    "packUpdatedBy", scored.path("pack").path("updatedBy").asString(null));
            model.addAttribute(
                    "packUpdatedByName",
                    scored.path("pack").path("updatedByName").asString(null));
            model.addAttribute(
                    "packUpdatedByAgency",
                    scored.path("pack").path("updatedByAgency").asString(null));
            List<Item> items = new ArrayList<>();
            for (JsonNode item : scored.path("items")) {
                items.add(new Item(
                        item.path("item").asString(),
                        item.path("nameZh").asString(),
                        item.path("nameEn").asString()));
            }
            model.addAttribute("items", items);
        } catch (ServiceProblem problem) {
            // Several jurisdictions (the service asks which) or scoring refused: the list still shows.
            model.addAttribute("scorecardProblem", problem);
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : body.path("agencies")) {
            boolean published = !r.path("publishedRevision").isNull()
                    && !r.path("publishedRevision").isMissingNode();
            rows.add(new Row(
                    r.path("agency").asString(),
                    r.path("nameZh").asString(),
                    r.path("jurisdiction").asString(),
                    r.path("status").asString(),
                    r.path("compliance").asString(),
                    r.path("deadline").asString(""),
                    integer(r.path("daysLeft")),
                    integer(r.path("daysLate")),
                    beijing(r.path("submittedAt")),
                    beijing(r.path("publishedAt")),
                    r.path("errors").asInt(),
                    r.path("warnings").asInt(),
                    r.path("unexplainedWarnings").asInt(),
                    r.path("websiteUrl").asString(null),
                    r.path("websiteUrlMissing").asBoolean(false),
                    published,
                    cards.get(r.path("agency").asString()),
                    integer(r.path("revision")),
                    r.path("corrections").asInt(0),
                    r.path("correcting").asBoolean(false)));
        }
        JsonNode totals = body.path("totals");
        model.addAttribute("year", shown);
        model.addAttribute("rows", rows);
        model.addAttribute("totals", totals);
        model.addAttribute("byStatus", counts(totals.path("byStatus"), STATUSES));
        model.addAttribute("byCompliance", counts(totals.path("byCompliance"), COMPLIANCE));
        model.addAttribute("bars", bars(totals.path("byStatus")));
        model.addAttribute("chartHeight", STATUSES.size() * BAR_STEP + 10);
        model.addAttribute("notifications", notifications(shown));
        model.addAttribute("portal", urls.portal());
        return "office/compliance";
    }

    static final int BAR_STEP = 30;
    static final int BAR_MAX = 420;

    /** Agencies per workflow status, every status shown (an empty bar says "none" as plainly as a full one). */
    static List<Bar> bars(JsonNode byStatus) {
        long max = 1;
        for (String status : STATUSES) {
            max = Math.max(max, byStatus.path(status).asLong(0));
        }
        List<Bar> bars = new ArrayList<>();
        int y = 5;
        for (String status : STATUSES) {
            long count = byStatus.path(status).asLong(0);
            bars.add(new Bar(status, count, y, (int) Math.round((double) BAR_MAX * count / max)));
            y += BAR_STEP;
        }
        return bars;
    }

    private static Map<String, Long> counts(JsonNode node, List<String> order) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        order.forEach(key -> counts.put(key, node.path(key).asLong(0)));
        node.properties()
                .forEach(e -> counts.putIfAbsent(e.getKey(), e.getValue().asLong(0)));
        return counts;
    }

    private JsonNode notifications(int year) {
        try {
            return services.publishing()
                    .get()
                    .uri("/api/office/notifications?year={year}", year)
                    .retrieve()
                    .body(JsonNode.class)
                    .path("notifications");
        } catch (ServiceProblem problem) {
            return json.createArrayNode();
        }
    }

    static Card card(JsonNode card) {
        List<Deduction> deductions = new ArrayList<>();
        for (JsonNode d : card.path("deductions")) {
            JsonNode evidence = d.path("evidence");
            List<Finding> findings = new ArrayList<>();
            for (JsonNode f : evidence.path("findings")) {
                List<String> cells = new ArrayList<>();
                f.path("cells").forEach(c -> cells.add(c.asString()));
                findings.add(new Finding(
                        f.path("rule").asString(),
                        f.path("severity").asString(),
                        f.path("messageZh").asString(""),
                        f.path("messageEn").asString(""),
                        cells));
            }
            deductions.add(new Deduction(
                    d.path("item").asString(),
                    plain(d.path("points")),
                    d.path("labelZh").asString(null),
                    evidence.path("summaryZh").asString(""),
                    evidence.path("summaryEn").asString(""),
                    evidence.path("link").asString(null),
                    findings));
        }
        return new Card(
                plain(card.path("base")),
                plain(card.path("score")),
                plain(card.path("deducted")),
                card.path("notDue").asBoolean(false),
                deductions);
    }

    static List<PackLine> pack(JsonNode pack, JsonNode items) {
        Map<String, String> names = new HashMap<>();
        items.forEach(item ->
                names.put(item.path("item").asString(), item.path("nameZh").asString()));
        List<PackLine> lines = new ArrayList<>();
        for (JsonNode d : pack.path("deductions")) {
            String item = d.path("item").asString();
            lines.add(new PackLine(
                    item, plain(d.path("points")), d.path("labelZh").asString(""), names.getOrDefault(item, item)));
        }
        return lines;
    }

    private static String plain(JsonNode number) {
        if (number.isMissingNode() || number.isNull()) {
            return "";
        }
        return new BigDecimal(number.asString()).stripTrailingZeros().toPlainString();
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    static String beijing(JsonNode instant) {
        if (!instant.isString() || instant.asString().isBlank()) {
            return "";
        }
        return Instant.parse(instant.asString()).atZone(CHINA).format(MINUTE);
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
        ObjectNode request = json.createObjectNode().put("year", year);
        try {
            request.put("base", new BigDecimal(base.strip()));
        } catch (NumberFormatException e) {
            request.put("base", base);
        }
        if (line != null && !line.isBlank()) {
            request.put("line", line.strip());
        }
        ArrayNode deductions = request.putArray("deductions");
        for (int i = 0; items != null && i < items.size(); i++) {
            String item = items.get(i).strip();
            if (item.isEmpty()) {
                continue;
            }
            ObjectNode d = deductions.addObject().put("item", item);
            String p = points != null && i < points.size() ? points.get(i).strip() : "";
            try {
                d.put("points", new BigDecimal(p));
            } catch (NumberFormatException e) {
                d.putNull("points");
            }
            String label = labels != null && i < labels.size() ? labels.get(i).strip() : "";
            if (!label.isEmpty()) {
                d.put("labelZh", label);
            }
        }
        try {
            services.publishing()
                    .put()
                    .uri("/api/office/scorecard-pack")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "pack.saved");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/office/compliance?year=" + year + "#pack";
    }
}
