package dev.gongkai.console.agency;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.shell.ScriptData;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.rules.RuleCatalogue;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The editor: the national layout with an input per cell and the three narratives; the browser saves what
 * changed a moment after typing stops (PATCH with If-Match through {@link #save}), and shows the findings the
 * service answers with on the cells they name.
 */
@Controller
class EditorController {

    static final Set<String> EDITABLE = ReportStatus.EDITABLE.stream().map(Enum::name).collect(Collectors.toSet());

    /** The words the editor's script shows, from the message bundles. */
    static final List<String> TEXTS = List.of("editor.saving", "editor.saved", "editor.unsaved", "editor.failed",
            "editor.offline", "editor.signedOut", "severity.error", "severity.warning", "severity.info",
            "editor.comment", "editor.pasted", "conflict.blank", "conflict.kept", "conflict.none");

    private final ReportsApi reports;
    private final ScriptData scripts;

    EditorController(ReportsApi reports, ScriptData scripts) {
        this.reports = reports;
        this.scripts = scripts;
    }

    record NarrativeField(String key, String title, String text, int length) {
    }

    @GetMapping("/reports/{year}")
    String editor(@PathVariable int year, Authentication authentication, Locale locale, Model model) {
        ResponseEntity<JsonNode> found = reports.get(year);
        JsonNode view = found.getBody();
        AnnualReport report = ReportMarkup.report(view, reports.json());
        ConsoleUser user = ConsoleUser.of(authentication);
        String status = view.path("status").asString();
        boolean editable = EDITABLE.contains(status) && user != null && user.has(ConsoleUser.EDITOR);
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("revision", view.path("revision").asInt());
        model.addAttribute("etag", found.getHeaders().getETag());
        model.addAttribute("editable", editable);
        model.addAttribute("returnReason", view.path("returnReason").asString(null));
        model.addAttribute("tables", ReportMarkup.editableTables(report, editable));
        model.addAttribute("narratives", narratives(report, locale));
        JsonNode comments = comments(year);
        model.addAttribute("comments", comments);
        model.addAttribute("pageData", scripts.write(Map.of("findings", reports.findings(year), "comments", comments,
                "rules", rules(), "text", scripts.messages(locale, TEXTS))));
        return "agency/editor";
    }

    static List<NarrativeField> narratives(AnnualReport report, Locale locale) {
        List<NarrativeField> fields = new ArrayList<>();
        for (Section section : Section.NARRATIVES) {
            String text = report.narrative(section);
            fields.add(new NarrativeField(section.key(), english(locale) ? section.titleEn() : section.titleZh(),
                    text == null ? "" : text, text == null ? 0 : text.codePointCount(0, text.length())));
        }
        return fields;
    }

    /** The rule catalogue's titles and descriptions, for the findings panel; the rules themselves run on the server. */
    static List<Map<String, String>> rules() {
        return RuleCatalogue.rules().stream().map(rule -> Map.of("id", rule.id().name(), "title_zh", rule.titleZh(),
                "title_en", rule.titleEn(), "description_zh", rule.descriptionZh(),
                "description_en", rule.descriptionEn())).toList();
    }

    JsonNode comments(int year) {
        try {
            return reports.comments(year);
        } catch (ServiceProblem problem) {
            return reports.json().createArrayNode();
        }
    }

    /**
     * Saves the cells and narratives the browser says changed. Values come as typed: empty makes a cell blank,
     * a number is sent as a number, anything else as text for the service to refuse with the cell's path.
     */
    @PatchMapping("/reports/{year}/draft")
    @ResponseBody
    ResponseEntity<ObjectNode> save(@PathVariable int year, @RequestHeader("If-Match") String etag,
                                    @RequestBody JsonNode edits, Locale locale) {
        ObjectNode changes = reports.json().createObjectNode();
        ObjectNode cells = changes.putObject("cells");
        edits.path("cells").properties().forEach(entry -> cells.set(entry.getKey(),
                cellValue(entry.getKey(), entry.getValue().asString(""))));
        ObjectNode narrative = changes.putObject("narrative");
        edits.path("narrative").properties().forEach(entry -> narrative.put(entry.getKey(), entry.getValue().asString("")));
        if (cells.isEmpty()) {
            changes.remove("cells");
        }
        if (narrative.isEmpty()) {
            changes.remove("narrative");
        }
        ObjectNode answer = reports.json().createObjectNode();
        try {
            ResponseEntity<JsonNode> saved = reports.patch(year, etag, changes);
            JsonNode body = saved.getBody();
            answer.put("etag", saved.getHeaders().getETag());
            answer.put("revision", body.path("revision").asInt());
            answer.put("status", body.path("status").asString());
            answer.set("findings", body.path("findings"));
            return ResponseEntity.ok(answer);
        } catch (ServiceProblem problem) {
            answer.put("code", problem.code());
            answer.put("message", problem.message(locale));
            JsonNode details = problem.body();
            if (details != null) {
                if (details.has("current")) {
                    answer.set("current", details.get("current"));
                    answer.put("currentEtag", details.path("current_etag").asString());
                    answer.set("conflicting", details.path("conflicting_cells"));
                }
                if (details.has("errors")) {
                    answer.set("errors", details.get("errors"));
                }
                if (details.has("field")) {
                    answer.set("field", details.get("field"));
                }
            }
            return ResponseEntity.status(problem.status()).body(answer);
        }
    }

    private JsonNode cellValue(String key, String typed) {
        String text = typed.strip().replace(",", "").replace("，", "");
        if (text.isEmpty()) {
            return reports.json().nullNode();
        }
        if (key.endsWith(".amount")) {
            // The fee is a decimal string in the canonical JSON (万元 to the fen).
            return reports.json().getNodeFactory().stringNode(text);
        }
        try {
            BigDecimal number = new BigDecimal(text);
            return reports.json().getNodeFactory().numberNode(number);
        } catch (NumberFormatException notANumber) {
            return reports.json().getNodeFactory().stringNode(typed);
        }
    }

    static boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
