package dev.gongkai.reports.drafting;

import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.report.render.ReportPdf;
import dev.gongkai.reports.report.Permissions;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency's report as it will be published, as PDF, for the printed draft the head of the agency signs
 * (领导审签): the publishing service's renderer, every page marked 草稿 · 未发布. Never cached: the draft changes.
 */
@RestController
class DraftPdfController {

    private final Drafting drafting;
    private final ReportPdf pdf;

    DraftPdfController(Drafting drafting, @Value("${gongkai.reports.pdf-font}") String font) {
        this.drafting = drafting;
        this.pdf = new ReportPdf(font);
    }

    @GetMapping("/api/reports/{year}/pdf")
    ResponseEntity<byte[]> draft(ActingAgency acting, @PathVariable int year) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        Drafting.Saved saved = drafting.get(acting, year);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(year + "年度报告（草稿）.pdf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(pdf.renderDraft(saved.report().document()));
    }
}
