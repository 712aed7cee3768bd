package dev.gongkai.publishing.compliance;

import dev.gongkai.contract.China;
import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.contract.ComplianceView;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.report.render.CsvTable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/office/compliance?year=}: the office's compliance list, as JSON or CSV. */
@RestController
class ComplianceController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Compliance compliance;
    private final OfficeScope scope;

    ComplianceController(Compliance compliance, OfficeScope scope) {
        this.compliance = compliance;
        this.scope = scope;
    }

    @GetMapping(value = "/api/office/compliance")
    ResponseEntity<?> compliance(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        List<Jurisdiction> jurisdictions = scope.jurisdictions(caller);
        int y = OfficeScope.year(year);
        List<ComplianceRow> rows = compliance.rows(jurisdictions, y);
        if (wantsCsv(format, accept)) {
            return csv("compliance-" + y + ".csv", csv(rows, jurisdictions).bytes());
        }
        return ResponseEntity.ok(new ComplianceView(
                y, jurisdictions.stream().map(j -> j.slug().value()).toList(), Compliance.totals(rows), rows));
    }

    static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return format.equalsIgnoreCase("csv");
        }
        return accept != null && accept.contains("text/csv");
    }

    static ResponseEntity<byte[]> csv(String filename, byte[] body) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    /** The screen's words in every cell: names, not slugs or codes (the agency's slug is its own column). */
    private static CsvTable csv(List<ComplianceRow> rows, List<Jurisdiction> jurisdictions) {
        Map<String, String> names =
                jurisdictions.stream().collect(Collectors.toMap(j -> j.slug().value(), Jurisdiction::nameZh));
        CsvTable table = new CsvTable()
                .row(List.of(
                        "辖区", "机构标识", "机构名称", "年度", "状态", "合规情况", "报送时间", "审核通过时间", "发布时间", "法定期限", "剩余天数", "逾期天数",
                        "错误数", "警告数", "未说明的警告数", "网站发布地址", "网址缺失", "更正次数", "版本"));
        for (ComplianceRow r : rows) {
            table.row(Arrays.asList(
                    names.getOrDefault(r.jurisdiction(), r.jurisdiction()),
                    r.agency(),
                    r.nameZh(),
                    r.year(),
                    ComplianceWords.status(r, Locale.ROOT),
                    ComplianceWords.compliance(r, Locale.ROOT),
                    beijing(r.submittedAt()),
                    beijing(r.approvedAt()),
                    beijing(r.publishedAt()),
                    r.deadline(),
                    r.daysLeft(),
                    r.daysLate(),
                    r.errors(),
                    r.warnings(),
                    r.unexplainedWarnings(),
                    r.websiteUrl(),
                    r.websiteUrlMissing() ? "是" : "",
                    r.corrections(),
                    r.revision()));
        }
        return table;
    }

    static String beijing(java.time.Instant at) {
        return at == null
                ? ""
                : at.atZone(China.ZONE)
                        .toLocalDateTime()
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        .toString()
                        .replace('T', ' ');
    }
}
