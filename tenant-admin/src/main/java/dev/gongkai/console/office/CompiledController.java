package dev.gongkai.console.office;

import dev.gongkai.console.agency.ReportMarkup;
import dev.gongkai.console.services.Downloads;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.ServiceUrls;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.CompiledView;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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

    private final Services services;
    private final JsonMapper json;
    private final ServiceUrls urls;
    private final OfficePublishingClient publishing;

    CompiledController(Services services, JsonMapper json, ServiceUrls urls) {
        this.services = services;
        this.json = json;
        this.urls = urls;
        this.publishing = OfficePublishingClient.of(services);
    }

    /** A narrative section of the national format, as the office writes it beside the tables. */
    record NarrativeField(String key, String title, String text) {}

    /** A cell summed blank: where it is in the tables, and whose numbers it lacks. */
    record Incomplete(String key, String label, String agencies) {}

    @GetMapping("/office/compiled")
    String compiled(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope,
            Locale locale,
            Model model) {
        int shown = year != null ? year : ComplianceController.defaultYear();
        String chosen = chosen(scope);
        model.addAttribute("year", shown);
        model.addAttribute("scope", CompiledView.Scope.ofCode(chosen).orElseThrow());
        model.addAttribute("scopes", CompiledView.Scope.values());
        try {
            CompiledView c = publishing.compiled(shown, chosen);
            ReportLayout layout = ReportLayout.of(ReportFormat.forYear(shown));
            List<Incomplete> incomplete = new ArrayList<>();
            c.incompleteCells().forEach((key, agencies) -> {
                String label = layout.cell(key)
                        .map(cell -> cell.section().titleZh().substring(0, 2)
                                + cell.row().label() + " · " + cell.column().label())
                        .orElse(key);
                incomplete.add(new Incomplete(key, label, String.join("、", agencies)));
            });
            model.addAttribute("included", c.included());
            model.addAttribute("jurisdictions", String.join("、", c.jurisdictionsZh()));
            model.addAttribute("compiled", c);
            // What the office typed and could not save comes back in the form; else the stored draft.
            Object typed = model.getAttribute("typed");
            List<NarrativeField> narrative = new ArrayList<>();
            for (Section section : Section.NARRATIVES) {
                String text = typed instanceof Map<?, ?> t
                        ? (String) t.get(section.key())
                        : c.report().narrative().get(section.key());
                narrative.add(new NarrativeField(section.key(), section.titleZh(), text == null ? "" : text));
            }
            model.addAttribute("narrative", narrative);
            model.addAttribute("publications", c.publications());
            if (!c.publications().isEmpty()) {
                model.addAttribute("publicUrl", urls.portal() + c.publicPath());
            }
            model.addAttribute("incomplete", incomplete);
            model.addAttribute(
                    "tables",
                    ReportMarkup.readOnlyTables(
                            ReportMarkup.report(c.report(), json),
                            incomplete.stream().map(Incomplete::key).collect(Collectors.toSet())));
        } catch (ServiceProblem problem) {
            model.addAttribute("error", problem.message(locale));
        }
        return "office/compiled";
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
            CompiledView saved = publishing.saveNarrative(year, chosen, etag(version), narrative);
            redirect.addFlashAttribute("savedVersion", saved.draftVersion());
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
            CompiledView.Published published =
                    publishing.publish(year, chosen, etag(version), Map.of("reason", reason == null ? "" : reason));
            redirect.addFlashAttribute("publishedNumber", published.number());
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

    /** The ETag of the compiled report's narrative draft {@code version}, as the service wrote it. */
    private static String etag(int version) {
        return "\"c" + version + "\"";
    }

    /** The scope's code as the service's API and the console's URLs spell it; 全市汇总 unless another is named. */
    private static String chosen(String scope) {
        return CompiledView.Scope.ofCode(scope).orElse(CompiledView.Scope.CITY).code();
    }

    @GetMapping("/office/compiled.csv")
    @ResponseBody
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String scope) {
        int shown = year != null ? year : ComplianceController.defaultYear();
        String chosen = chosen(scope);
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
