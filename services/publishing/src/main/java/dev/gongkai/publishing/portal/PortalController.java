package dev.gongkai.publishing.portal;

import dev.gongkai.contract.China;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.publishing.compiled.CompiledRevisions;
import dev.gongkai.publishing.ratelimit.OpenData;
import dev.gongkai.publishing.revisions.ReportState;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final CompiledRevisions compiled;
    private final Pages pages;

    PortalController(PublicReports reports, DSLContext dsl, CompiledRevisions compiled, Pages pages) {
        this.reports = reports;
        this.dsl = dsl;
        this.compiled = compiled;
        this.pages = pages;
    }

    @GetMapping
    ResponseEntity<byte[]> jurisdiction(@PathVariable String jurisdiction, Lang lang) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        List<Agency> agencies = reports.agencies(j);
        java.util.Set<AgencySlug> here =
                agencies.stream().map(Agency::slug).collect(java.util.stream.Collectors.toSet());
        List<Agency> branchesElsewhere = reports.allAgencies().stream()
                .filter(a -> a.parent() != null
                        && here.contains(a.parent())
                        && !a.jurisdiction().equals(j.slug()))
                .toList();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        reports.jurisdictions().forEach(x -> names.put(x.slug().value(), x.nameZh()));
        byte[] page = JurisdictionPage.render(
                pages,
                j,
                agencies,
                reports.states().inJurisdiction(j.slug()),
                LocalDate.now(China.ZONE),
                branchesElsewhere,
                names,
                compiled.published(j.slug()),
                lang);
        return ResponseEntity.ok()
                .contentType(PublicReports.HTML)
                .cacheControl(REVALIDATE)
                .body(page);
    }

    /** The feed for people: the jurisdiction's publications and corrections as a page, beside the Atom document. */
    @GetMapping("/feed")
    ResponseEntity<byte[]> feedPage(@PathVariable String jurisdiction, Lang lang) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        return ResponseEntity.ok()
                .contentType(PublicReports.HTML)
                .cacheControl(REVALIDATE)
                .body(AtomFeed.page(pages, j, AtomFeed.latest(dsl, j), lang));
    }

    @GetMapping("/{agency}/{year:[0-9]+}/revisions/{number:[0-9]+}")
    ResponseEntity<byte[]> revision(
            @PathVariable String jurisdiction,
            @PathVariable String agency,
            @PathVariable int year,
            @PathVariable int number,
            Lang lang,
            WebRequest request) {
        return serve(reports.revisionPage(jurisdiction, agency, year, number, lang), request);
    }

    @OpenData
    @GetMapping("/{year:[0-9]+}/bulk.zip")
    ResponseEntity<byte[]> bulk(
            @PathVariable String jurisdiction, @PathVariable int year, Lang lang, WebRequest request) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        List<ReportState> published = reports.states().published(j.slug(), year);
        String token = PublicReports.digest(published, j.slug() + "/" + year);
        String etag = "\"bulk." + j.slug() + "." + year + "." + lang.code + "." + token + "." + PublicReports.RENDERING
                + "\"";
        String key = "bulk:" + j.slug() + ":" + year + ":" + lang.code + ":" + token + ":" + PublicReports.RENDERING;
        return serve(
                new Served(
                        etag,
                        MediaType.parseMediaType("application/zip"),
                        Served.saved(j.slug() + "-" + year + ".zip"),
                        false,
                        () -> reports.cache()
                                .get(
                                        key,
                                        () -> BulkExport.zip(
                                                j,
                                                year,
                                                published.stream()
                                                        .map(s -> {
                                                            Agency a = reports.agency(j, s.agency());
                                                            return new BulkExport.Entry(
                                                                    a,
                                                                    s,
                                                                    reports.revision(a, year, s.publishedRevision()));
                                                        })
                                                        .toList(),
                                                lang))),
                request);
    }

    @OpenData
    @GetMapping("/compare")
    ResponseEntity<byte[]> compare(
            @PathVariable String jurisdiction,
            @RequestParam(required = false) List<String> agencies,
            @RequestParam(required = false) List<String> cells,
            @RequestParam(required = false) List<String> years,
            Lang lang) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        Reach reach = reach(j);
        CompareView.Selection selection = selection(agencies, cells, years, reach.states());
        CompareView.Choices choices = new CompareView.Choices(
                groups(reach),
                reach.states().stream()
                        .filter(ReportState::published)
                        .map(ReportState::year)
                        .distinct()
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList());
        return ResponseEntity.ok()
                .contentType(PublicReports.HTML)
                .cacheControl(REVALIDATE)
                .body(CompareView.html(
                        pages,
                        j,
                        choices,
                        selection,
                        selection.complete() ? lines(reach, selection) : List.of(),
                        lang));
    }

    @OpenData
    @GetMapping("/compare.csv")
    ResponseEntity<byte[]> compareCsv(
            @PathVariable String jurisdiction,
            @RequestParam(required = false) List<String> agencies,
            @RequestParam(required = false) List<String> cells,
            @RequestParam(required = false) List<String> years,
            Lang lang) {
        Jurisdiction j = reports.jurisdiction(jurisdiction);
        if (CompareView.list(cells, "cells", CompareView.MAX_CELLS).isEmpty()) {
            throw new ApiException(ProblemCode.COMPARE_CELLS_MISSING).atField("cells");
        }
        Reach reach = reach(j);
        CompareView.Selection selection = selection(agencies, cells, years, reach.states());
        return ResponseEntity.ok()
                .contentType(PublicReports.CSV)
                .cacheControl(REVALIDATE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        Served.saved(j.slug() + "-compare.csv").toString())
                .body(CompareView.csv(selection.cells(), lines(reach, selection), lang));
    }

    /** The picks; no measure picked means the common ones, no year picked means every year on record. */
    private static CompareView.Selection selection(
            List<String> agencies, List<String> cells, List<String> years, List<ReportState> states) {
        List<String> keys = CompareView.list(cells, "cells", CompareView.MAX_CELLS);
        List<String> chosenAgencies = CompareView.list(agencies, "agencies", CompareView.MAX_AGENCIES);
        List<Integer> chosenYears = CompareView.years(years);
        if (chosenYears.isEmpty() && !chosenAgencies.isEmpty()) {
            chosenYears = states.stream()
                    .filter(ReportState::published)
                    .map(ReportState::year)
                    .distinct()
                    .sorted(java.util.Comparator.reverseOrder())
                    .limit(CompareView.MAX_YEARS)
                    .toList();
        }
        return new CompareView.Selection(
                chosenAgencies, chosenYears, CompareView.cells(keys.isEmpty() ? CompareView.COMMON : keys));
    }

    /**
     * What a jurisdiction's compare page reaches: the agencies registered in it and in every jurisdiction below it,
     * so that a 分局 registered in a district is compared beside its parent in the city.
     */
    private record Reach(List<Jurisdiction> jurisdictions, List<Agency> agencies, List<ReportState> states) {

        java.util.Set<JurisdictionSlug> slugs() {
            return jurisdictions.stream().map(Jurisdiction::slug).collect(java.util.stream.Collectors.toSet());
        }
    }

    private Reach reach(Jurisdiction j) {
        List<Jurisdiction> jurisdictions = reports.withBelow(j);
        return new Reach(
                jurisdictions,
                jurisdictions.stream()
                        .flatMap(x -> reports.agencies(x).stream())
                        .toList(),
                jurisdictions.stream()
                        .flatMap(x -> reports.states().inJurisdiction(x.slug()).stream())
                        .toList());
    }

    /**
     * The agencies as the form offers them: by the jurisdiction they are registered in (the page's own first), each
     * parent by name followed by its branches, also those registered in a jurisdiction below.
     */
    private static List<CompareView.Group> groups(Reach reach) {
        java.util.Set<AgencySlug> reached =
                reach.agencies().stream().map(Agency::slug).collect(java.util.stream.Collectors.toSet());
        List<CompareView.Group> groups = new ArrayList<>();
        for (Jurisdiction x : reach.jurisdictions()) {
            List<Agency> listed = new ArrayList<>();
            reach.agencies().stream()
                    .filter(a -> a.jurisdiction().equals(x.slug()))
                    .filter(a -> a.parent() == null || !reached.contains(a.parent()))
                    .sorted(BY_NAME)
                    .forEach(top -> withBranches(top, reach.agencies(), listed));
            if (!listed.isEmpty()) {
                groups.add(new CompareView.Group(x, listed));
            }
        }
        return groups;
    }

    private static final java.util.Comparator<Agency> BY_NAME = java.util.Comparator.comparing(Agency::nameZh);

    private static void withBranches(Agency agency, List<Agency> all, List<Agency> listed) {
        if (listed.contains(agency)) {
            return;
        }
        listed.add(agency);
        all.stream()
                .filter(a -> agency.slug().equals(a.parent()))
                .sorted(BY_NAME)
                .forEach(branch -> withBranches(branch, all, listed));
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
        String origin =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
                .eTag(etag)
                .cacheControl(REVALIDATE)
                .body(AtomFeed.render(j, items, origin));
    }

    private List<CompareView.Line> lines(Reach reach, CompareView.Selection selection) {
        List<CompareView.Line> lines = new ArrayList<>();
        java.util.Set<JurisdictionSlug> reached = reach.slugs();
        for (String slug : selection.agencies()) {
            Agency agency = reports.agency(reached, slug);
            for (int year : selection.years()) {
                Optional<ReportState> state =
                        reports.states().find(agency.slug(), year).filter(ReportState::published);
                lines.add(new CompareView.Line(
                        agency, year, state.map(s -> reports.revision(agency, year, s.publishedRevision()))));
            }
        }
        return lines;
    }

    private static ResponseEntity<byte[]> serve(Served served, WebRequest request) {
        if (request.checkNotModified(served.etag())) {
            return null;
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(served.type())
                .eTag(served.etag())
                .cacheControl(REVALIDATE);
        if (served.disposition() != null) {
            response.header(
                    HttpHeaders.CONTENT_DISPOSITION, served.disposition().toString());
        }
        return response.body(served.body().get());
    }
}
