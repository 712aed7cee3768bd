package dev.gongkai.publishing.portal;

import dev.gongkai.publishing.ratelimit.OpenData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The portal's front door, its search by agency name and every jurisdiction's feed; no login. */
@RestController
class FrontDoorController {

    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

    private final PublicReports reports;
    private final DSLContext dsl;
    private final Pages pages;

    FrontDoorController(PublicReports reports, DSLContext dsl, Pages pages) {
        this.reports = reports;
        this.dsl = dsl;
        this.pages = pages;
    }

    @GetMapping({"/", "/public", "/public/"})
    ResponseEntity<byte[]> frontDoor(Lang lang) {
        return ResponseEntity.ok()
                .contentType(PublicReports.HTML)
                .cacheControl(REVALIDATE)
                .body(FrontDoor.render(
                        pages, FrontDoor.Directory.read(reports, dsl), AtomFeed.latest(dsl, null), lang));
    }

    /** Every jurisdiction's publications and corrections, as a page beside the Atom document. */
    @GetMapping("/public/feed")
    ResponseEntity<byte[]> feedPage(Lang lang) {
        return ResponseEntity.ok()
                .contentType(PublicReports.HTML)
                .cacheControl(REVALIDATE)
                .body(AtomFeed.page(pages, null, AtomFeed.latest(dsl, null), lang));
    }

    @OpenData
    @GetMapping("/public/feed.atom")
    ResponseEntity<byte[]> feed(WebRequest request) {
        List<AtomFeed.Item> items = AtomFeed.latest(dsl, null);
        String etag = AtomFeed.etag(null, items);
        if (request.checkNotModified(etag)) {
            return null;
        }
        String origin =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
                .eTag(etag)
                .cacheControl(REVALIDATE)
                .body(AtomFeed.render(null, items, origin));
    }

    @GetMapping("/public/search")
    ResponseEntity<byte[]> search(@RequestParam(required = false) String q, Lang lang) {
        return ResponseEntity.ok()
                .contentType(PublicReports.HTML)
                .cacheControl(REVALIDATE)
                .body(FrontDoor.results(pages, FrontDoor.Directory.read(reports, dsl), q, lang));
    }
}
