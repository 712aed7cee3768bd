package dev.gongkai.publishing.compiled;

import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.publishing.compliance.OfficeScope;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvRenderer;
import dev.gongkai.report.render.HtmlRenderer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** {@code GET /api/office/compiled[.html|.csv]?year=&scope=own|city}: the draft of the government's own report. */
@RestController
class CompiledController {

    private final CompiledReports compiled;
    private final OfficeScope scope;
    private final JsonMapper json;

    CompiledController(CompiledReports compiled, OfficeScope scope, JsonMapper json) {
        this.compiled = compiled;
        this.scope = scope;
        this.json = json;
    }

    /** The compiled report with the summed document as canonical JSON. */
    record CompiledResponse(int year, String jurisdiction, String scope, String scopeZh, boolean appendix,
                            String format, List<String> jurisdictionsZh, List<CompiledReport.Included> included,
                            List<CompiledReport.Missing> missing, boolean complete,
                            java.util.Map<String, List<String>> incompleteCells,
                            List<CompiledReport.FindingView> findings, JsonNode report) {
    }

    @GetMapping("/api/office/compiled")
    CompiledResponse json(Caller caller, @RequestParam(required = false) Integer year,
                          @RequestParam(required = false) String scope,
                          @RequestParam(required = false) String jurisdiction) {
        CompiledReport c = compile(caller, year, scope, jurisdiction);
        return new CompiledResponse(c.year(), c.jurisdiction(), c.scope(), c.scopeZh(), c.appendix(), c.format(),
                c.jurisdictionsZh(), c.included(), c.missing(), c.complete(), c.incompleteCells(), c.findings(),
                json.readTree(CanonicalJson.write(c.report())));
    }

    @GetMapping("/api/office/compiled.html")
    ResponseEntity<byte[]> html(Caller caller, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) String scope,
                                @RequestParam(required = false) String jurisdiction) {
        CompiledReport c = compile(caller, year, scope, jurisdiction);
        String banner = "<aside class=\"compiled-scope\" data-scope=\"" + c.scope() + "\">\n<p><strong>汇总范围：" + c.scopeZh()
                + "</strong>（草稿，" + (c.appendix() ? "作为政府年度报告的附件" : "仅本级") + "；"
                + HtmlUtils.htmlEscape(String.join("、", c.jurisdictionsZh())) + "）</p>\n"
                + (c.complete() ? "" : "<p><strong>汇总不完整</strong>：有机构未纳入或有单元格未填写，合计数不代表全部。</p>\n")
                + "<p>已汇总 " + c.included().size() + " 个机构：" + HtmlUtils.htmlEscape(c.included().stream()
                .map(i -> i.nameZh() + "（第 " + i.revision() + " 版）").collect(Collectors.joining("、")))
                + "</p>\n<p>未纳入 "
                + c.missing().size() + " 个机构：" + HtmlUtils.htmlEscape(c.missing().stream()
                .map(m -> m.nameZh() + ("format".equals(m.reason()) ? "（格式不同）" : "（未发布）"))
                .collect(Collectors.joining("、"))) + "</p>\n</aside>\n";
        String page = HtmlRenderer.render(c.report()).replaceFirst("<body>\n", "<body>\n" + banner);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(page.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/office/compiled.csv")
    ResponseEntity<byte[]> csv(Caller caller, @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String scope,
                               @RequestParam(required = false) String jurisdiction) {
        CompiledReport c = compile(caller, year, scope, jurisdiction);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.jurisdiction() + "-" + c.year() + "-" + c.scope() + ".csv", StandardCharsets.UTF_8)
                        .build().toString())
                .body(CsvRenderer.renderBytes(c.report()));
    }

    private CompiledReport compile(Caller caller, Integer year, String scopeCode, String jurisdiction) {
        Jurisdiction j = scope.one(caller, jurisdiction);
        int y = OfficeScope.year(year);
        return compiled.compile(j, y, CompiledReports.Scope.of(scopeCode));
    }
}
