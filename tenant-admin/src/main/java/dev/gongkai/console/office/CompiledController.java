package dev.gongkai.console.office;

import dev.gongkai.console.agency.ReportMarkup;
import dev.gongkai.console.services.Downloads;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.ServiceUrls;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.ReportDocument;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
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

/**
 * The city's compiled report ({@code /api/office/compiled}): the summed tables 二/三/四 in the national layout
 * (report-core's HtmlRenderer on the service's canonical JSON, so they read exactly like a published report), the
 * agencies included and missing, the cells left blank, the findings of the same rules; CSV and HTML through the
 * console. The office writes the narrative (一、五、六) beside the tables and saves it explicitly against the draft
 * version it read; the office-admin publishes it on the portal (post/redirect/get), the PDF is the published one.
 */
@Controller
class CompiledController {

    static final Set<String> SCOPES = Set.of("own", "city");

    private final Services services;
    private final JsonMapper json;
    private final ServiceUrls urls;

    CompiledController(Services services, JsonMapper json, ServiceUrls urls) {
        this.services = services;
        this.json = json;
        this.urls = urls;
    }

    /** One published revision of the compiled report. */
    record Publication(int number, String publishedAt, boolean correction, String reason) {}

    /** A narrative section of the national format, as the office writes it beside the tables. */
    record NarrativeField(String key, String title, String text) {}

    record Included(String agency, String nameZh, String jurisdictionZh, int revision, String publishedAt) {}

    /** A cell summed blank: where it is in the tables, and whose numbers it lacks. */
    record Incomplete(String key, String label, String agencies) {}

    @GetMapping("/office/compiled")
    String compiled(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope,
            Locale locale,
            Model model) {
        int shown = year != null ? year : ComplianceController.defaultYear();
        String chosen = scope != null && SCOPES.contains(scope) ? scope : "city";
        model.addAttribute("year", shown);
        model.addAttribute("scope", chosen);
        try {
            JsonNode c = services.publishing()
                    .get()
                    .uri("/api/office/compiled?year={year}&scope={scope}", shown, chosen)
                    .retrieve()
                    .body(JsonNode.class);
            ReportLayout layout = ReportLayout.of(ReportFormat.forYear(shown));
            java.util.List<Incomplete> incomplete = new java.util.ArrayList<>();
            c.path("incompleteCells").properties().forEach(e -> {
                StringBuilder agencies = new StringBuilder();
                e.getValue()
                        .forEach(a ->
                                agencies.append(agencies.isEmpty() ? "" : "、").append(a.asString()));
                String label = layout.cell(e.getKey())
                        .map(cell -> cell.section().titleZh().substring(0, 2)
                                + cell.row().label() + " · " + cell.column().label())
                        .orElse(e.getKey());
                incomplete.add(new Incomplete(e.getKey(), label, agencies.toString()));
            });
            java.util.List<Included> included = new java.util.ArrayList<>();
            c.path("included")
                    .forEach(i -> included.add(new Included(
                            i.path("agency").asString(),
                            i.path("nameZh").asString(),
                            i.path("jurisdictionZh").asString(""),
                            i.path("revision").asInt(),
                            ComplianceController.beijing(i.path("publishedAt")))));
            model.addAttribute("included", included);
            java.util.List<String> jurisdictions = new java.util.ArrayList<>();
            c.path("jurisdictionsZh").forEach(j -> jurisdictions.add(j.asString()));
            model.addAttribute("jurisdictions", String.join("、", jurisdictions));
            model.addAttribute("compiled", c);
            // What the office typed and could not save comes back in the form; else the stored draft.
            Object typed = model.getAttribute("typed");
            java.util.List<NarrativeField> narrative = new java.util.ArrayList<>();
            for (Section section : Section.NARRATIVES) {
                String text = typed instanceof Map<?, ?> t
                        ? (String) t.get(section.key())
                        : c.path("report").path("narrative").path(section.key()).asString("");
                narrative.add(new NarrativeField(section.key(), section.titleZh(), text == null ? "" : text));
            }
            model.addAttribute("narrative", narrative);
            java.util.List<Publication> publications = new java.util.ArrayList<>();
            c.path("publications")
                    .forEach(p -> publications.add(new Publication(
                            p.path("number").asInt(),
                            ComplianceController.beijing(p.path("publishedAt")),
                            p.path("correction").asBoolean(),
                            p.path("reason").asString(""))));
            model.addAttribute("publications", publications);
            if (!publications.isEmpty()) {
                model.addAttribute(
                        "publicUrl", urls.portal() + c.path("publicPath").asString());
            }
            model.addAttribute("incomplete", incomplete);
            model.addAttribute(
                    "tables",
                    ReportMarkup.readOnlyTables(
                            ReportMarkup.report(document(c.path("report")), json),
                            incomplete.stream().map(Incomplete::key).collect(java.util.stream.Collectors.toSet())));
        } catch (ServiceProblem problem) {
            model.addAttribute("error", problem.message(locale));
        }
        return "office/compiled";
    }

    /** The members of the canonical JSON; the compiled report carries more beside them. */
    private static final java.util.List<String> CANONICAL =
            java.util.List.of("format", "year", "agency", "publishedOn", "narrative", "cells", "blank");

    /** The compiled report's document, as the report core reads it. */
    private ReportDocument document(JsonNode report) {
        var canonical = json.createObjectNode();
        CANONICAL.stream().filter(report::has).forEach(name -> canonical.set(name, report.get(name)));
        return json.treeToValue(canonical, ReportDocument.class);
    }

    /** Saves the narrative of the draft version the form was read at (post/redirect/get). */
    @PostMapping("/office/compiled/narrative")
    String save(
            @RequestParam int year,
            @RequestParam String scope,
            @RequestParam int version,
            @RequestParam Map<String, String> form,
            Locale locale,
            RedirectAttributes redirect) {
        String chosen = chosen(scope);
        Map<String, String> narrative = new LinkedHashMap<>();
        Section.NARRATIVES.forEach(section -> narrative.put(section.key(), form.getOrDefault(section.key(), "")));
        try {
            JsonNode saved = services.publishing()
                    .put()
                    .uri("/api/office/compiled/narrative?year={year}&scope={scope}", year, chosen)
                    .header(HttpHeaders.IF_MATCH, "\"c" + version + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(narrative)
                    .retrieve()
                    .body(JsonNode.class);
            redirect.addFlashAttribute(
                    "savedVersion", saved.path("draftVersion").asInt());
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
            redirect.addFlashAttribute("typed", narrative);
        }
        return "redirect:/office/compiled?year=" + year + "&scope=" + chosen + "#narrative";
    }

    /** Publishes the draft version the page showed on the portal; after the first time, a correction with reason. */
    @PostMapping("/office/compiled/publish")
    String publish(
            @RequestParam int year,
            @RequestParam String scope,
            @RequestParam int version,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        String chosen = chosen(scope);
        try {
            JsonNode published = services.publishing()
                    .post()
                    .uri("/api/office/compiled/publications?year={year}&scope={scope}", year, chosen)
                    .header(HttpHeaders.IF_MATCH, "\"c" + version + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reason", reason == null ? "" : reason))
                    .retrieve()
                    .body(JsonNode.class);
            redirect.addFlashAttribute(
                    "publishedNumber", published.path("number").asInt());
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/office/compiled?year=" + year + "&scope=" + chosen + "#publish";
    }

    /** The draft as the national layout (HTML), to read or print before publishing. */
    @GetMapping("/office/compiled.html")
    @ResponseBody
    ResponseEntity<byte[]> html(
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String scope) {
        int shown = year != null ? year : ComplianceController.defaultYear();
        String chosen = chosen(scope);
        ResponseEntity<byte[]> answer = services.publishing()
                .get()
                .uri("/api/office/compiled.html?year={year}&scope={scope}", shown, chosen)
                .retrieve()
                .toEntity(byte[].class);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"compiled-" + shown + "-" + chosen + ".html\"")
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .body(answer.getBody());
    }

    private static String chosen(String scope) {
        return scope != null && SCOPES.contains(scope) ? scope : "city";
    }

    @GetMapping("/office/compiled.csv")
    @ResponseBody
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String scope) {
        int shown = year != null ? year : ComplianceController.defaultYear();
        String chosen = scope != null && SCOPES.contains(scope) ? scope : "city";
        return Downloads.proxy(
                services.publishing().get().uri("/api/office/compiled.csv?year={year}&scope={scope}", shown, chosen),
                "compiled-" + shown + "-" + chosen + ".csv");
    }

    /** The draft as it would print, marked 「草稿 · 未发布」 on every page: to take to sign-off before publishing. */
    @GetMapping("/office/compiled.pdf")
    @ResponseBody
    ResponseEntity<byte[]> pdf(
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String scope) {
        int shown = year != null ? year : ComplianceController.defaultYear();
        String chosen = chosen(scope);
        return Downloads.proxy(
                services.publishing().get().uri("/api/office/compiled.pdf?year={year}&scope={scope}", shown, chosen),
                "compiled-" + shown + "-" + chosen + ".pdf",
                MediaType.APPLICATION_PDF);
    }
}
