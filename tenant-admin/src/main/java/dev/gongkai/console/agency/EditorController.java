package dev.gongkai.console.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.shell.ScriptData;
import dev.gongkai.console.shell.Words;
import dev.gongkai.contract.CommentView;
import dev.gongkai.contract.FindingView;
import dev.gongkai.contract.PatchResult;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.contract.ReportView;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.rules.RuleCatalogue;
import dev.gongkai.report.rules.Totals;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
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

/**
 * The editor: the national layout with an input per cell and the three narratives; the browser saves what
 * changed a moment after typing stops (PATCH with If-Match through {@link #save}), and shows the findings the
 * service answers with on the cells they name.
 */
@Controller
class EditorController {

    /** The words the editor's script shows, from the message bundles. */
    static final List<String> TEXTS = List.of(
            "editor.saving",
            "editor.saved",
            "editor.unsaved",
            "editor.failed",
            "editor.offline",
            "editor.signedOut",
            "severity.error",
            "severity.warning",
            "severity.info",
            "editor.pasted",
            "editor.invalid",
            "editor.restored",
            "editor.toFill",
            "conflict.blank",
            "conflict.kept",
            "conflict.none",
            "comment.atCell",
            "comment.marker",
            "comment.hideResolved",
            "editor.fillTotal",
            "editor.fillTotalAt",
            "editor.fillCarryForward",
            "editor.fillCarryForwardAt");

    private final ReportsApi reports;
    private final ScriptData scripts;
    private final MessageSource messages;
    private final Words words;

    EditorController(ReportsApi reports, ScriptData scripts, MessageSource messages, Words words) {
        this.reports = reports;
        this.scripts = scripts;
        this.messages = messages;
        this.words = words;
    }

    record NarrativeField(String key, String title, String text, int length) {}

    @GetMapping("/reports/{year}")
    String editor(@PathVariable int year, Authentication authentication, Locale locale, Model model) {
        ResponseEntity<ReportView> found = reports.get(year);
        ReportView view = found.getBody();
        AnnualReport report = ReportMarkup.report(view, reports.json());
        ConsoleUser user = ConsoleUser.of(authentication);
        boolean editable = view.status().editable() && user != null && user.has(ConsoleUser.EDITOR);
        model.addAttribute("year", year);
        model.addAttribute("status", view.status().name());
        model.addAttribute("revision", view.revision());
        model.addAttribute("etag", found.getHeaders().getETag());
        model.addAttribute("editable", editable);
        model.addAttribute("returnReason", view.returnReason());
        model.addAttribute("correctionReason", view.correctionReason());
        AnnualReport previous = reports.find(year - 1)
                .map(last -> ReportMarkup.report(last.getBody(), reports.json()))
                .orElse(null);
        model.addAttribute("tables", ReportMarkup.editableTables(report, editable, previous, locale));
        model.addAttribute("narratives", narratives(report, locale));
        List<Thread> comments = comments(year);
        model.addAttribute("comments", comments);
        model.addAttribute(
                "resolvedComments", comments.stream().filter(c -> !c.open()).count());
        model.addAttribute(
                "pageData",
                scripts.write(Map.of(
                        "findings",
                        reports.findings(year),
                        "comments",
                        comments,
                        "totals",
                        Totals.offered(report),
                        "rules",
                        rules(),
                        "text",
                        scripts.messages(locale, TEXTS))));
        return "agency/editor";
    }

    static List<NarrativeField> narratives(AnnualReport report, Locale locale) {
        List<NarrativeField> fields = new ArrayList<>();
        for (Section section : Section.NARRATIVES) {
            String text = report.narrative(section);
            fields.add(new NarrativeField(
                    section.key(),
                    english(locale) ? section.titleEn() : section.titleZh(),
                    text == null ? "" : text,
                    text == null ? 0 : text.codePointCount(0, text.length())));
        }
        return fields;
    }

    /** The rule catalogue's titles and descriptions, for the findings panel; the rules themselves run on the server. */
    static List<Map<String, String>> rules() {
        return RuleCatalogue.rules().stream()
                .map(rule -> Map.of(
                        "id",
                        rule.id().name(),
                        "title_zh",
                        rule.titleZh(),
                        "title_en",
                        rule.titleEn(),
                        "description_zh",
                        rule.descriptionZh(),
                        "description_en",
                        rule.descriptionEn()))
                .toList();
    }

    /**
     * A thread of the office's comments as the editor shows it: each comment (and each reply) with {@code by}, its
     * author as people read them, and the thread {@code open} while it is not resolved. The editor's script reads
     * {@code id}, {@code anchor} and {@code open}.
     */
    record Thread(
            long id,
            String anchor,
            String body,
            String by,
            OffsetDateTime createdAt,
            boolean open,
            List<Reply> replies) {}

    record Reply(String by, String body) {}

    /** The office's comments, thread by thread; none when the service cannot say. */
    List<Thread> comments(int year) {
        List<CommentView> comments;
        try {
            comments = reports.comments(year);
        } catch (ServiceProblem problem) {
            return List.of();
        }
        return comments.stream()
                .map(c -> new Thread(
                        c.id(),
                        c.anchor(),
                        c.body(),
                        by(c),
                        c.createdAt(),
                        c.open(),
                        c.replies().stream()
                                .map(r -> new Reply(by(r), r.body()))
                                .toList()))
                .toList();
    }

    private String by(CommentView comment) {
        return words.person(
                comment.authorName(), comment.authorAgency(), comment.author() == null ? "" : comment.author());
    }

    /**
     * Saves the cells and narratives the browser says changed. A value that cannot be the cell's (text in a count,
     * a negative or fractional count, a malformed amount) is not sent: it comes back under {@code invalid} with a
     * message in words, and every other cell is saved. Should the service still refuse cells (its own range check),
     * they are answered the same way and the rest is sent again, so one bad cell never holds the others back.
     */
    @PatchMapping("/reports/{year}/draft")
    @ResponseBody
    ResponseEntity<SaveAnswer> save(
            @PathVariable int year, @RequestHeader("If-Match") String etag, @RequestBody Edits edits, Locale locale) {
        ReportLayout layout = ReportFormat.forYear(year).layout();
        Map<String, String> invalid = new LinkedHashMap<>();
        // A null value makes the cell blank.
        Map<String, Object> cells = new LinkedHashMap<>();
        edits.cells().forEach((key, typed) -> {
            CellCheck.Result checked =
                    CellCheck.check(layout.cell(key).map(c -> c.type()).orElse(null), typed == null ? "" : typed);
            if (checked.problem() != null) {
                invalid.put(key, messages.getMessage(checked.problem(), null, locale));
            } else {
                cells.put(key, checked.value());
            }
        });
        Map<String, String> narrative = new LinkedHashMap<>();
        edits.narrative().forEach((key, text) -> narrative.put(key, text == null ? "" : text));
        for (int attempt = 0; ; attempt++) {
            if (cells.isEmpty() && narrative.isEmpty()) {
                return ResponseEntity.ok(SaveAnswer.nothingSent(etag, invalid));
            }
            var changes =
                    new ReportsClient.Changes(cells.isEmpty() ? null : cells, narrative.isEmpty() ? null : narrative);
            try {
                ResponseEntity<PatchResult> saved = reports.patch(year, etag, changes);
                PatchResult body = saved.getBody();
                return ResponseEntity.ok(new SaveAnswer(
                        saved.getHeaders().getETag(),
                        invalid,
                        body.revision(),
                        body.status(),
                        body.findings(),
                        body.totals(),
                        null,
                        null,
                        null,
                        null));
            } catch (ServiceProblem problem) {
                Refusal refusal = refusal(problem);
                List<String> refused = refusal.refusedCells();
                if (attempt == 0
                        && problem.is(422)
                        && !refused.isEmpty()
                        && refused.stream().allMatch(cells::containsKey)) {
                    refused.forEach(key -> {
                        cells.remove(key);
                        invalid.put(key, messages.getMessage("cell.outOfRange", null, locale));
                    });
                    continue;
                }
                return ResponseEntity.status(problem.status())
                        .body(SaveAnswer.refused(etag, invalid, problem, refusal, locale));
            }
        }
    }

    /** What the browser says changed: cell key → the value as typed, narrative section → its text. */
    record Edits(Map<String, String> cells, Map<String, String> narrative) {
        Edits {
            cells = cells == null ? Map.of() : cells;
            narrative = narrative == null ? Map.of() : narrative;
        }
    }

    /**
     * What the editor's script is told: the ETag to send next, the cells not sent and why ({@code invalid}), and
     * either what the service answered (revision, status, findings, totals) or, when it refused, its {@code message}
     * and, on a conflict, the report as stored now ({@code current}) and the cells changed since the editor read it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SaveAnswer(
            String etag,
            Map<String, String> invalid,
            Integer revision,
            ReportStatus status,
            List<FindingView> findings,
            List<PatchResult.Total> totals,
            String message,
            ReportView current,
            String currentEtag,
            List<String> conflicting) {

        static SaveAnswer nothingSent(String etag, Map<String, String> invalid) {
            return new SaveAnswer(etag, invalid, null, null, null, null, null, null, null, null);
        }

        static SaveAnswer refused(
                String etag, Map<String, String> invalid, ServiceProblem problem, Refusal refusal, Locale locale) {
            boolean stale = refusal.current() != null;
            return new SaveAnswer(
                    etag,
                    invalid,
                    null,
                    null,
                    null,
                    null,
                    problem.message(locale),
                    refusal.current(),
                    stale ? refusal.currentEtag() : null,
                    stale ? refusal.conflictingCells() : null);
        }
    }

    /**
     * What the reports service's refusal of an edit says beside its message: on a conflict (409) the report as stored
     * now, its ETag and the cells changed since the editor's revision; on invalid cells (422) the fields it refused.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refusal(
            ReportView current,
            @JsonProperty("current_etag") String currentEtag,
            @JsonProperty("conflicting_cells") List<String> conflictingCells,
            List<FieldError> errors) {

        static final Refusal NONE = new Refusal(null, null, null, List.of());

        Refusal {
            errors = errors == null ? List.of() : errors;
        }

        /** The cells a 422 names ({@code errors[].field} = {@code cells.<key>}); none when it names anything else. */
        List<String> refusedCells() {
            List<String> keys = new ArrayList<>();
            for (FieldError error : errors) {
                String field = error.field() == null ? "" : error.field();
                if (!field.startsWith("cells.")) {
                    return List.of();
                }
                keys.add(field.substring("cells.".length()));
            }
            return keys;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FieldError(String field) {}

    private Refusal refusal(ServiceProblem problem) {
        return problem.body() == null || !problem.body().isObject()
                ? Refusal.NONE
                : reports.json().treeToValue(problem.body(), Refusal.class);
    }

    static boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
