package dev.gongkai.publishing.compiled;

import dev.gongkai.contract.CompiledView;
import dev.gongkai.contract.ReportDocument;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.publishing.compliance.OfficeScope;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvRenderer;
import dev.gongkai.report.render.HtmlRenderer;
import dev.gongkai.report.render.ReportPdf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/office/compiled[.html|.csv]?year=&scope=own|city}: the draft of the government's own report;
 * {@code PUT /api/office/compiled/narrative} saves its narrative, {@code POST /api/office/compiled/publications}
 * publishes it on the portal.
 */
@RestController
class CompiledController {

    private final CompiledReports compiled;
    private final OfficeScope scope;
    private final JsonMapper json;
    private final ReportPdf pdf;

    CompiledController(CompiledReports compiled, OfficeScope scope, JsonMapper json, ReportPdf pdf) {
        this.compiled = compiled;
        this.scope = scope;
        this.json = json;
        this.pdf = pdf;
    }

    /** @param reason why a publication after the first is a correction */
    record PublishRequest(String reason) {}

    /** The compiled report with the narrative draft; its ETag names the draft's version. */
    @GetMapping("/api/office/compiled")
    ResponseEntity<CompiledView> json(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String jurisdiction) {
        return answer(compile(caller, year, scope, jurisdiction));
    }

    /**
     * Saves the narrative (sections s1, s5, s6; an absent or empty one is removed) of the draft the {@code If-Match}
     * names, and answers the compiled report checked with it. Office-admin only.
     */
    @PutMapping("/api/office/compiled/narrative")
    ResponseEntity<CompiledView> saveNarrative(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String jurisdiction,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) Map<String, String> narrative) {
        Jurisdiction j = this.scope.one(caller, jurisdiction);
        this.scope.requireAdmin(caller);
        int expected = version(ifMatch);
        return answer(compiled.saveNarrative(
                j, OfficeScope.year(year), CompiledReports.scope(scope), narrative, expected, caller.username()));
    }

    /**
     * Publishes the compiled report (the draft the {@code If-Match} names) on the portal as its next revision; after
     * the first, a correction with its reason. Office-admin only.
     */
    @PostMapping("/api/office/compiled/publications")
    ResponseEntity<CompiledView.Published> publish(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String jurisdiction,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) PublishRequest request) {
        Jurisdiction j = this.scope.one(caller, jurisdiction);
        this.scope.requireAdmin(caller);
        int expected = version(ifMatch);
        CompiledRevision r = compiled.publish(
                j,
                OfficeScope.year(year),
                CompiledReports.scope(scope),
                expected,
                request == null ? null : request.reason(),
                caller.username());
        String path = publicPath(r.jurisdiction(), r.year(), r.scope());
        return ResponseEntity.created(java.net.URI.create(path))
                .body(new CompiledView.Published(r.number(), r.correction(), r.reason(), r.publishedAt(), path));
    }

    /** Where the portal shows the current revision of a compiled report. */
    static String publicPath(String jurisdiction, int year, String scope) {
        return "/public/" + jurisdiction + "/compiled/" + year + "/" + scope;
    }

    private ResponseEntity<CompiledView> answer(CompiledReport c) {
        return ResponseEntity.ok()
                .eTag(etag(c.draftVersion()))
                .body(new CompiledView(
                        c.year(),
                        c.jurisdiction(),
                        c.scope(),
                        c.scopeZh(),
                        c.appendix(),
                        c.format(),
                        c.jurisdictionsZh(),
                        c.included(),
                        c.missing(),
                        c.complete(),
                        c.incompleteCells(),
                        c.findings(),
                        json.readValue(CanonicalJson.write(c.report()), ReportDocument.class),
                        c.draftVersion(),
                        c.blocking().isEmpty(),
                        c.publications(),
                        c.publications().isEmpty()
                                ? null
                                : publicPath(
                                        c.jurisdiction(), c.year(), c.scope().code())));
    }

    private static String etag(int version) {
        return "\"c" + version + "\"";
    }

    /** The draft version an {@code If-Match} names; 428 when missing, 400 when not one of ours. */
    private static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemCode.REPORT_IF_MATCH_REQUIRED).atField("If-Match");
        }
        String value = ifMatch.trim().replaceFirst("^W/", "");
        if (!value.matches("\"c[0-9]{1,9}\"")) {
            throw new ApiException(ProblemCode.REPORT_IF_MATCH_INVALID, ifMatch).atField("If-Match");
        }
        return Integer.parseInt(value.substring(2, value.length() - 1));
    }

    @GetMapping("/api/office/compiled.html")
    ResponseEntity<byte[]> html(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String jurisdiction) {
        CompiledReport c = compile(caller, year, scope, jurisdiction);
        String banner = "<aside class=\"compiled-scope\" data-scope=\""
                + c.scope().code() + "\">\n<p><strong>汇总范围：" + c.scopeZh()
                + "</strong>（草稿，" + (c.appendix() ? "作为政府年度报告的附件" : "仅本级") + "；"
                + HtmlUtils.htmlEscape(String.join("、", c.jurisdictionsZh())) + "）</p>\n"
                + (c.complete() ? "" : "<p><strong>汇总不完整</strong>：有机构未纳入或有单元格未填写，合计数不代表全部。</p>\n")
                + "<p>已汇总 " + c.included().size() + " 个机构："
                + HtmlUtils.htmlEscape(c.included().stream()
                        .map(i -> i.nameZh() + "（第 " + i.revision() + " 版）")
                        .collect(Collectors.joining("、")))
                + "</p>\n<p>未纳入 "
                + c.missing().size() + " 个机构："
                + HtmlUtils.htmlEscape(c.missing().stream()
                        .map(m -> m.nameZh() + "（" + CompiledReport.reasonWords(m, Locale.CHINESE) + "）")
                        .collect(Collectors.joining("、")))
                + "</p>\n</aside>\n";
        String page = HtmlRenderer.render(c.report()).replaceFirst("<body>\n", "<body>\n" + banner);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(page.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/office/compiled.csv")
    ResponseEntity<byte[]> csv(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String jurisdiction) {
        CompiledReport c = compile(caller, year, scope, jurisdiction);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        c.jurisdiction() + "-" + c.year() + "-"
                                                + c.scope().code() + ".csv",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(CsvRenderer.renderBytes(c.report()));
    }

    /** The draft as it would print: sums and narrative, every page marked 「草稿 · 未发布」. */
    @GetMapping("/api/office/compiled.pdf")
    ResponseEntity<byte[]> pdf(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String jurisdiction) {
        CompiledReport c = compile(caller, year, scope, jurisdiction);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        c.jurisdiction() + "-" + c.year() + "-"
                                                + c.scope().code() + ".pdf",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(pdf.renderDraft(c.report()));
    }

    private CompiledReport compile(Caller caller, Integer year, String scopeCode, String jurisdiction) {
        Jurisdiction j = scope.one(caller, jurisdiction);
        int y = OfficeScope.year(year);
        return compiled.compile(j, y, CompiledReports.scope(scopeCode));
    }
}
