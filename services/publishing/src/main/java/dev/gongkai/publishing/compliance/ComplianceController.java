package dev.gongkai.publishing.compliance;

import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

    record ComplianceResponse(int year, List<String> jurisdictions, Compliance.Totals totals,
                              List<ComplianceRow> agencies) {
    }

    @GetMapping(value = "/api/office/compliance")
    ResponseEntity<?> compliance(Caller caller, @RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        List<Jurisdiction> jurisdictions = scope.jurisdictions(caller);
        int y = OfficeScope.year(year);
        List<ComplianceRow> rows = compliance.rows(jurisdictions, y);
        if (wantsCsv(format, accept)) {
            return csv("compliance-" + y + ".csv", csv(rows).bytes());
        }
        return ResponseEntity.ok(new ComplianceResponse(y, jurisdictions.stream().map(j -> j.slug().value()).toList(),
                Compliance.totals(rows), rows));
    }

    static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return format.equalsIgnoreCase("csv");
        }
        return accept != null && accept.contains("text/csv");
    }

    static ResponseEntity<byte[]> csv(String filename, byte[] body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static CsvTable csv(List<ComplianceRow> rows) {
        CsvTable table = new CsvTable(List.of("辖区", "机构标识", "机构名称", "年度", "状态", "合规情况", "报送时间", "审核通过时间",
                "发布时间", "法定期限", "剩余天数", "逾期天数", "错误数", "警告数", "未说明的警告数", "网站发布地址", "网址缺失", "更正次数"));
        for (ComplianceRow r : rows) {
            table.row(java.util.Arrays.asList(r.jurisdiction(), r.agency(), r.nameZh(), r.year(), statusZh(r.status()),
                    complianceZh(r.compliance()), beijing(r.submittedAt()), beijing(r.approvedAt()),
                    beijing(r.publishedAt()), r.deadline(), r.daysLeft(), r.daysLate(), r.errors(), r.warnings(),
                    r.unexplainedWarnings(), r.websiteUrl(), r.websiteUrlMissing() ? "是" : "", r.corrections()));
        }
        return table;
    }

    static String beijing(java.time.Instant at) {
        return at == null ? "" : at.atZone(dev.gongkai.publishing.revisions.Deadlines.CHINA).toLocalDateTime()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    static String statusZh(String status) {
        return switch (status) {
            case "NONE" -> "未填报";
            case "DRAFT" -> "填报中";
            case "PENDING_SIGNOFF" -> "待单位负责人签发";
            case "SUBMITTED" -> "已报送";
            case "RETURNED" -> "已退回";
            case "APPROVED" -> "审核通过";
            case "PUBLISHED" -> "已发布";
            default -> status;
        };
    }

    static String complianceZh(String compliance) {
        return switch (compliance) {
            case "ON_TIME" -> "按期发布";
            case "LATE" -> "逾期发布";
            case "OVERDUE" -> "逾期未发布";
            case "OPEN" -> "未到期";
            default -> compliance;
        };
    }
}
