package dev.gongkai.console.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The agency's side of the publishing service: the deadline reminders it sent the agency, and where the published
 * report sits on the agency's own website. Built by {@link ReportsApi} over the signed-in user's client. The
 * records read what the agency's pages show of the service's answers.
 */
@HttpExchange("/api")
interface PublishingClient {

    @GetExchange("/notifications")
    Notifications notifications();

    @GetExchange("/reports/{year}/website-url")
    Publication publication(@PathVariable int year);

    @PutExchange("/reports/{year}/website-url")
    Publication websiteUrl(@PathVariable int year, @RequestBody WebsiteUrl body);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Notifications(List<Notification> notifications) {
        public Notifications {
            notifications = notifications == null ? List.of() : notifications;
        }
    }

    /**
     * A deadline reminder as the agency reads it.
     *
     * @param step which reminder of the year it was (the service counts them)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Notification(int year, int step, Instant createdAt, String messageZh, String messageEn) {}

    /**
     * The year's current published revision as the publishing service holds it.
     *
     * @param revision null when the year was never published
     * @param url      the address recorded for it on the agency's website, null when none
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Publication(Integer revision, String url) {

        static final Publication NONE = new Publication(null, null);

        /** The public reads a revision of the year (it was published at least once). */
        boolean published() {
            return revision != null;
        }
    }

    record WebsiteUrl(String url) {}
}
