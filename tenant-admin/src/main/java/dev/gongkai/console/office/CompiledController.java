package dev.gongkai.console.office;

import dev.gongkai.console.agency.ReportMarkup;
import dev.gongkai.console.services.Downloads;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The city's compiled report ({@code /api/office/compiled}): the summed tables 二/三/四 in the national layout
 * (report-core's HtmlRenderer on the service's canonical JSON, so they read exactly like a published report), the
 * agencies included and missing, the cells left blank, the findings of the same rules; CSV through the console.
 */
@Controller
class CompiledController {

    static final Set<String> SCOPES = Set.of("own", "city");

    private final Services services;
    private final JsonMapper json;

    CompiledController(Services services, JsonMapper json) {
        this.services = services;
        this.json = json;
    }

    record Included(String agency, String nameZh, String jurisdictionZh, int revision, String publishedAt) {
    }

    /** A cell summed blank: where it is in the tables, and whose numbers it lacks. */
    record Incomplete(String key, String label, String agencies) {
    }

    @GetMapping("/office/compiled")
    String compiled(@RequestParam(required = false) Integer year, @RequestParam(required = false) String scope,
                    Locale locale, Model model) {
        int shown = year != null ? year : ComplianceController.defaultYear();
        String chosen = scope != null && SCOPES.contains(scope) ? scope : "city";
        model.addAttribute("year", shown);
        model.addAttribute("scope", chosen);
        try {
            JsonNode c = services.publishing().get().uri("/api/office/compiled?year={year}&scope={scope}", shown, chosen)
                    .retrieve().body(JsonNode.class);
            ReportLayout layout = ReportLayout.of(ReportFormat.forYear(shown));
            java.util.List<Incomplete> incomplete = new java.util.ArrayList<>();
            c.path("incompleteCells").properties().forEach(e -> {
                StringBuilder agencies = new StringBuilder();
                e.getValue().forEach(a -> agencies.append(agencies.isEmpty() ? "" : "、").append(a.asString()));
                String label = layout.cell(e.getKey()).map(cell -> cell.section().titleZh().substring(0, 2) + cell.row().label()
                        + " · " + cell.column().label()).orElse(e.getKey());
                incomplete.add(new Incomplete(e.getKey(), label, agencies.toString()));
            });
            java.util.List<Included> included = new java.util.ArrayList<>();
            c.path("included").forEach(i -> included.add(new Included(i.path("agency").asString(),
                    i.path("nameZh").asString(), i.path("jurisdictionZh").asString(""), i.path("revision").asInt(),
                    ComplianceController.beijing(i.path("publishedAt")))));
            model.addAttribute("included", included);
            java.util.List<String> jurisdictions = new java.util.ArrayList<>();
            c.path("jurisdictionsZh").forEach(j -> jurisdictions.add(j.asString()));
            model.addAttribute("jurisdictions", String.join("、", jurisdictions));
            model.addAttribute("compiled", c);
            model.addAttribute("incomplete", incomplete);
            model.addAttribute("tables", ReportMarkup.readOnlyTables(ReportMarkup.report(c.path("report"), json),
                    incomplete.stream().map(Incomplete::key).collect(java.util.stream.Collectors.toSet())));
        } catch (ServiceProblem problem) {
            model.addAttribute("error", problem.message(locale));
        }
        return "office/compiled";
    }

    @GetMapping("/office/compiled.csv")
    @ResponseBody
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer year, @RequestParam(required = false) String scope) {
        int shown = year != null ? year : ComplianceController.defaultYear();
        String chosen = scope != null && SCOPES.contains(scope) ? scope : "city";
        return Downloads.proxy(services.publishing().get().uri("/api/office/compiled.csv?year={year}&scope={scope}",
                shown, chosen), "compiled-" + shown + "-" + chosen + ".csv");
    }
}
