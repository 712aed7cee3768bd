package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.publishing.ratelimit.OpenData;
import dev.gongkai.publishing.revisions.Deadlines;
import dev.gongkai.publishing.revisions.ReportState;
import dev.gongkai.report.model.CellDefinition;
import org.jooq.DSLContext;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public portal and its open data; no login. Every document answers 304 to a matching If-None-Match. The
 * published documents themselves are answered by {@link PublishedDocuments}.
 */
@RestController
@RequestMapping("/public/{jurisdiction}")
class PortalController {

    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

    private final PublicReports reports;
    private final DSLContext dsl;

    PortalController(PublicReports reports, DSLContext dsl) {
        this.reports = reports;
        this.dsl = dsl;
    }

    @GetMapping
    ResponseEntity<byte[]> jurisdiction(@PathVariable String jurisdiction) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        byte[] page = JurisdictionPage.render(j, reports.agencies(j), reports.states().inJurisdiction(j.slug()),
                LocalDate.now(Deadlines.CHINA));
        return ResponseEntity.ok().contentType(PublicReports.HTML).cacheControl(REVALIDATE).body(page);
    }

    @GetMapping("/{agency}/{year:[0-9]+}/revisions/{number:[0-9]+}")
    ResponseEntity<byte[]> revision(@PathVariable String jurisdiction, @PathVariable String agency,
                                    @PathVariable int year, @PathVariable int number, WebRequest request) {
        return serve(reports.revisionPage(jurisdiction, agency, year, number), request);
    }

    @OpenData
    @GetMapping("/{year:[0-9]+}/bulk.zip")
    ResponseEntity<byte[]> bulk(@PathVariable String jurisdiction, @PathVariable int year, WebRequest request) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        List<ReportState> published = reports.states().published(j.slug(), year);
        String token = PublicReports.digest(published, j.slug() + "/" + year);
        String etag = "\"bulk." + j.slug() + "." + year + "." + token + "." + PublicReports.RENDERING + "\"";
        String key = "bulk:" + j.slug() + ":" + year + ":" + token + ":" + PublicReports.RENDERING;
        return serve(new Served(etag, MediaType.parseMediaType("application/zip"),
                Served.saved(j.slug() + "-" + year + ".zip"), false,
                () -> reports.cache().get(key, () -> BulkExport.zip(j, year, published.stream()
                        .map(s -> {
                            Agency a = reports.agency(j, s.agency());
                            return new BulkExport.Entry(a, s, reports.revision(a, year, s.publishedRevision()));
                        }).toList()))), request);
    }

    @OpenData
    @GetMapping("/compare")
    ResponseEntity<byte[]> compare(@PathVariable String jurisdiction,
                                   @RequestParam(required = false) String agencies,
                                   @RequestParam(required = false) String cells,
                                   @RequestParam(required = false) String years, WebRequest request) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        List<CellDefinition> chosen = CompareView.cells(CompareView.list(cells, "cells", CompareView.MAX_CELLS));
        List<CompareView.Line> lines = lines(j, agencies, years);
        String query = Optional.ofNullable(((org.springframework.web.context.request.ServletWebRequest) request)
                .getRequest().getQueryString()).orElse("");
        return ResponseEntity.ok().contentType(PublicReports.HTML).cacheControl(REVALIDATE)
                .body(CompareView.html(j, chosen, lines, query));
    }

    @OpenData
    @GetMapping("/compare.csv")
    ResponseEntity<byte[]> compareCsv(@PathVariable String jurisdiction,
                                      @RequestParam(required = false) String agencies,
                                      @RequestParam(required = false) String cells,
                                      @RequestParam(required = false) String years) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        List<CellDefinition> chosen = CompareView.cells(CompareView.list(cells, "cells", CompareView.MAX_CELLS));
        if (chosen.isEmpty()) {
            throw ApiException.badRequest("compare.cells.missing", "请指定要对比的单元格（cells）",
                    "Name the cells to compare (cells)").atField("cells");
        }
        return ResponseEntity.ok().contentType(PublicReports.CSV).cacheControl(REVALIDATE)
                .header(HttpHeaders.CONTENT_DISPOSITION, Served.saved(j.slug() + "-compare.csv").toString())
                .body(CompareView.csv(chosen, lines(j, agencies, years)));
    }

    @OpenData
    @GetMapping("/feed.atom")
    ResponseEntity<byte[]> feed(@PathVariable String jurisdiction, WebRequest request) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        List<AtomFeed.Item> items = AtomFeed.latest(dsl, j);
        String etag = AtomFeed.etag(j, items);
        if (request.checkNotModified(etag)) {
            return null;
        }
        String origin = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
                .eTag(etag).cacheControl(REVALIDATE).body(AtomFeed.render(j, items, origin));
    }

    private List<CompareView.Line> lines(Jurisdiction j, String agencies, String years) {
        List<Agency> chosen = CompareView.list(agencies, "agencies", CompareView.MAX_AGENCIES).stream()
                .map(slug -> reports.agency(j, slug)).toList();
        List<CompareView.Line> lines = new ArrayList<>();
        for (Agency agency : chosen) {
            for (int year : CompareView.years(years)) {
                Optional<ReportState> state = reports.states().find(agency.slug(), year)
                        .filter(ReportState::published);
                lines.add(new CompareView.Line(agency, year, state.map(s -> reports.revision(agency, year,
                        s.publishedRevision()))));
            }
        }
        return lines;
    }

    private static ResponseEntity<byte[]> serve(Served served, WebRequest request) {
        if (request.checkNotModified(served.etag())) {
            return null;
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(served.type()).eTag(served.etag())
                .cacheControl(REVALIDATE);
        if (served.disposition() != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, served.disposition().toString());
        }
        return response.body(served.body().get());
    }
}
