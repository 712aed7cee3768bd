package dev.gongkai.publishing.portal;

import org.jooq.DSLContext;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The portal's front door and its search by agency name; no login. */
@RestController
class FrontDoorController {

    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

    private final PublicReports reports;
    private final DSLContext dsl;

    FrontDoorController(PublicReports reports, DSLContext dsl) {
        this.reports = reports;
        this.dsl = dsl;
    }

    @GetMapping({"/", "/public", "/public/"})
    ResponseEntity<byte[]> frontDoor(@RequestParam(required = false) String lang) {
        return ResponseEntity.ok().contentType(PublicReports.HTML).cacheControl(REVALIDATE)
                .body(FrontDoor.render(FrontDoor.Directory.read(reports, dsl), Lang.of(lang)));
    }

    @GetMapping("/public/search")
    ResponseEntity<byte[]> search(@RequestParam(required = false) String q, @RequestParam(required = false) String lang) {
        return ResponseEntity.ok().contentType(PublicReports.HTML).cacheControl(REVALIDATE)
                .body(FrontDoor.results(FrontDoor.Directory.read(reports, dsl), q, Lang.of(lang)));
    }
}
