package dev.gongkai.publishing.website;

import dev.gongkai.platform.tenancy.ActingAgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the agency posted its published report on its own website (the 政府信息公开年报 column), recorded with the
 * current published revision by the agency's own staff, and read back by the agency.
 */
@RestController
class WebsiteUrlController {

    private final WebsiteUrls urls;

    WebsiteUrlController(WebsiteUrls urls) {
        this.urls = urls;
    }

    record WebsiteUrlRequest(@NotBlank @Size(max = 500) String url) {}

    record WebsiteUrlResponse(int year, int revision, String url) {}

    /** The URL recorded for the year's current published revision; revision and url null when there is none. */
    @GetMapping("/api/reports/{year}/website-url")
    WebsiteUrlView recorded(ActingAgency acting, @PathVariable int year) {
        return urls.current(acting, year)
                .map(r -> new WebsiteUrlView(year, r.number(), r.websiteUrl()))
                .orElse(new WebsiteUrlView(year, null, null));
    }

    record WebsiteUrlView(int year, Integer revision, String url) {}

    @PutMapping("/api/reports/{year}/website-url")
    WebsiteUrlResponse record(ActingAgency acting, @PathVariable int year, @Valid @RequestBody WebsiteUrlRequest body) {
        int revision = urls.record(acting, year, body.url());
        return new WebsiteUrlResponse(year, revision, body.url().trim());
    }
}
