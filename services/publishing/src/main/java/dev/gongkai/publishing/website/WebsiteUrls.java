package dev.gongkai.publishing.website;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.publishing.cache.PublicationPointer;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.publishing.revisions.ReportStates;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an agency's own-site URL on its current published revision and shows it on the public page; the agency
 * reads it back.
 */
@Service
class WebsiteUrls {

    private static final Logger log = LoggerFactory.getLogger(WebsiteUrls.class);

    private final PublishedRevisions revisions;
    private final ReportStates states;
    private final PublicationPointer pointer;
    private final TransactionTemplate transactions;

    WebsiteUrls(
            PublishedRevisions revisions,
            ReportStates states,
            PublicationPointer pointer,
            TransactionTemplate transactions) {
        this.revisions = revisions;
        this.states = states;
        this.pointer = pointer;
        this.transactions = transactions;
    }

    /** The year's current published revision (with its website URL, if recorded); the URL is public anyway. */
    Optional<PublishedRevision> current(ActingAgency acting, int year) {
        return revisions.current(acting.slug(), year);
    }

    int record(ActingAgency acting, int year, String url) {
        if (acting.viaOffice()
                || !(acting.caller().hasRole(Roles.AGENCY_ADMIN)
                        || acting.caller().hasRole(Roles.AGENCY_EDITOR))) {
            throw new ApiException(ProblemCode.ACCESS_DENIED).variant("website-url");
        }
        String checked = checked(url);
        Integer revision = transactions.execute(status -> revisions
                .recordWebsiteUrl(acting.slug(), year, checked, acting.caller().username())
                .map(number -> {
                    states.recordWebsiteUrl(acting.slug(), year, checked);
                    return number;
                })
                .orElseThrow(() -> new ApiException(ProblemCode.REPORT_NOT_PUBLISHED, acting.slug(), year)
                        .variant("website-url")));
        try {
            pointer.refresh(acting.slug().value(), year);
        } catch (DataAccessException e) {
            // The pointer expires on its own (pointer-ttl); until then the page shows the URL as missing.
            log.warn("Could not move the pointer of {}/{}: {}", acting.slug(), year, e.getMessage());
        }
        return revision;
    }

    private static String checked(String url) {
        String trimmed = url.trim();
        try {
            URI uri = URI.create(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new ApiException(ProblemCode.WEBSITE_URL_INVALID).atField("url");
    }
}
