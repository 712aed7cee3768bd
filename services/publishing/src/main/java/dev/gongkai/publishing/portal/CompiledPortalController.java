package dev.gongkai.publishing.portal;

import dev.gongkai.contract.CompiledView;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.compiled.CompiledRevision;
import dev.gongkai.publishing.compiled.CompiledRevisions;
import dev.gongkai.report.render.CsvRenderer;
import dev.gongkai.report.render.ReportPdf;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * A jurisdiction's published compiled report on the portal, at {@code /public/{jurisdiction}/compiled/{year}/{scope}}
 * ({@code own}: 本级, {@code city}: 全市汇总) as a page, {@code .pdf} and {@code .csv}, earlier revisions at
 * {@code …/revisions/{n}}; no login, like an agency's report.
 */
@RestController
@RequestMapping("/public/{jurisdiction}/compiled/{year:[0-9]+}")
class CompiledPortalController {

    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

    private final PublicReports reports;
    private final CompiledRevisions revisions;
    private final ReportPdf pdf;
    private final Pages pages;

    CompiledPortalController(PublicReports reports, CompiledRevisions revisions, ReportPdf pdf, Pages pages) {
        this.reports = reports;
        this.revisions = revisions;
        this.pdf = pdf;
        this.pages = pages;
    }

    @GetMapping("/{scope:own|city}")
    ResponseEntity<byte[]> page(
            @PathVariable String jurisdiction,
            @PathVariable int year,
            @PathVariable String scope,
            Lang lang,
            WebRequest request) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        CompiledRevision current = current(j, year, scope);
        return page(j, current, current.number(), lang, request);
    }

    @GetMapping("/{scope:own|city}/revisions/{number:[0-9]+}")
    ResponseEntity<byte[]> revision(
            @PathVariable String jurisdiction,
            @PathVariable int year,
            @PathVariable String scope,
            @PathVariable int number,
            Lang lang,
            WebRequest request) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        int current = current(j, year, scope).number();
        CompiledRevision shown = revisions.find(j.slug(), year, scope, number).orElseThrow(() -> notFound(j, year));
        return page(j, shown, current, lang, request);
    }

    @GetMapping("/{scope:own|city}.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable String jurisdiction, @PathVariable int year, @PathVariable String scope, WebRequest request) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        CompiledRevision r = current(j, year, scope);
        return document(
                j,
                r,
                "pdf",
                MediaType.APPLICATION_PDF,
                Served.shown(name(j, r) + ".pdf"),
                () -> pdf.render(r.report(), PublicReports.closingLine(r.number(), r.correction(), r.publishedAt())),
                request);
    }

    @GetMapping("/{scope:own|city}.csv")
    ResponseEntity<byte[]> csv(
            @PathVariable String jurisdiction, @PathVariable int year, @PathVariable String scope, WebRequest request) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        CompiledRevision r = current(j, year, scope);
        return document(
                j,
                r,
                "csv",
                PublicReports.CSV,
                Served.saved(name(j, r) + ".csv"),
                () -> CsvRenderer.renderBytes(r.report()),
                request);
    }

    private ResponseEntity<byte[]> page(
            Jurisdiction j, CompiledRevision shown, int current, Lang lang, WebRequest request) {
        String etag = etag(j, shown, "html." + lang.code + "." + current);
        if (request.checkNotModified(etag)) {
            return null;
        }
        List<CompiledView.Publication> history = revisions.history(j.slug(), shown.year(), shown.scope());
        return ResponseEntity.ok()
                .contentType(PublicReports.HTML)
                .eTag(etag)
                .cacheControl(REVALIDATE)
                .header(HttpHeaders.VARY, HttpHeaders.COOKIE)
                .body(CompiledPage.render(
                        j, shown, current, history, pages.word(lang, "compiled.scope." + shown.scope()), lang));
    }

    private static ResponseEntity<byte[]> document(
            Jurisdiction j,
            CompiledRevision r,
            String format,
            MediaType type,
            org.springframework.http.ContentDisposition disposition,
            java.util.function.Supplier<byte[]> body,
            WebRequest request) {
        String etag = etag(j, r, format);
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .eTag(etag)
                .cacheControl(REVALIDATE)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(body.get());
    }

    /** A revision never changes, so its number names its bytes. */
    private static String etag(Jurisdiction j, CompiledRevision r, String format) {
        return "\"compiled." + j.slug() + "." + r.year() + "." + r.scope() + "." + r.number() + "." + format + "."
                + PublicReports.RENDERING + "\"";
    }

    private static String name(Jurisdiction j, CompiledRevision r) {
        return j.slug() + "-" + r.year() + "-" + r.scope();
    }

    private CompiledRevision current(Jurisdiction j, int year, String scope) {
        return revisions.current(j.slug(), year, scope).orElseThrow(() -> notFound(j, year));
    }

    private static RuntimeException notFound(Jurisdiction j, int year) {
        return new dev.gongkai.platform.error.ApiException(
                dev.gongkai.platform.error.ProblemCode.REPORT_NOT_FOUND, String.valueOf(year));
    }
}
