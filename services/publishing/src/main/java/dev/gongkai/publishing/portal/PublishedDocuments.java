package dev.gongkai.publishing.portal;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.DomainException;
import dev.gongkai.platform.error.Problems;
import dev.gongkai.publishing.portal.PublicReports.Format;
import dev.gongkai.publishing.portal.PublishedDocuments.Answer.Header;
import dev.gongkai.publishing.ratelimit.OpenDataRateLimit;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers to requests for published documents, {@code /public/{jurisdiction}/{agency}/{year}} and its
 * {@code .pdf}, {@code .json} and {@code .csv}, carried by {@link PublishedDocumentFilter} on the service's port: the
 * document (gzip-compressed when the client takes it and it is text), {@code 304} to a matching {@code If-None-Match}, the
 * open-data rate limit on {@code .json} and {@code .csv}, problem details for what is not there, and the headers
 * Spring Security adds to every other answer of the service.
 */
class PublishedDocuments {

    /** The route of the documents, as {@code http.server.requests} names it. */
    static final String ROUTE = "/public/{jurisdiction}/{agency}/{year}";

    /** The route of one published revision's files (never an HTML page: that one lists the later corrections). */
    static final String REVISION_ROUTE = ROUTE + "/revisions/{number}";

    private static final Pattern PATH = Pattern.compile("/public/([^/]+)/([^/]+)/([0-9]{1,9})(?:\\.(pdf|json|csv))?");
    private static final Pattern REVISION_PATH =
            Pattern.compile("/public/([^/]+)/([^/]+)/([0-9]{1,9})/revisions/([0-9]{1,9})\\.(pdf|json|csv)");

    /**
     * The current revision may be corrected at any time: a cache keeps it a minute, then asks again with its
     * {@code ETag} (a {@code 304} costs no rendering), so a correction reaches every reader within that minute.
     */
    static final String CURRENT = "public, max-age=60, must-revalidate";

    /** A published revision never changes (the database refuses any update): caches keep it as long as they like. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final String NEVER_STORE = "no-cache, no-store, max-age=0, must-revalidate";

    private static final MediaType HTML = PublicReports.HTML;

    private static final Logger log = LoggerFactory.getLogger(PublishedDocuments.class);

    private final PublicReports reports;
    private final OpenDataRateLimit rateLimit;
    private final JsonMapper json;

    PublishedDocuments(PublicReports reports, OpenDataRateLimit rateLimit, JsonMapper json) {
        this.reports = reports;
        this.rateLimit = rateLimit;
        this.json = json;
    }

    /** What a document's path names; empty for any other path. */
    static Optional<Target> target(String path) {
        Matcher matcher = PATH.matcher(path);
        if (matcher.matches()) {
            String extension = matcher.group(4);
            return Optional.of(new Target(
                    path,
                    matcher.group(1),
                    matcher.group(2),
                    Integer.parseInt(matcher.group(3)),
                    Target.CURRENT,
                    extension == null ? Format.HTML : Format.ofExtension(extension)));
        }
        Matcher revision = REVISION_PATH.matcher(path);
        if (revision.matches()) {
            return Optional.of(new Target(
                    path,
                    revision.group(1),
                    revision.group(2),
                    Integer.parseInt(revision.group(3)),
                    Integer.parseInt(revision.group(4)),
                    Format.ofExtension(revision.group(5))));
        }
        return Optional.empty();
    }

    /**
     * A request for a document.
     *
     * @param ifNoneMatch    the {@code If-None-Match} header, or null
     * @param acceptEncoding the {@code Accept-Encoding} header, or null
     * @param client         the client's address (the rate limit counts per address)
     * @param lang           the reader's language (the page's; documents are the national form in Chinese)
     */
    record Request(Target target, String ifNoneMatch, String acceptEncoding, String client, Lang.Choice lang) {

        boolean takesGzip() {
            return acceptEncoding != null && acceptEncoding.toLowerCase().contains("gzip");
        }
    }

    /**
     * A document's path, and what it names: the year's current revision ({@link #CURRENT}), which a correction
     * replaces, or one published revision by its number, which never changes.
     */
    record Target(String path, String jurisdiction, String agency, int year, int revision, Format format) {

        static final int CURRENT = 0;

        boolean current() {
            return revision == CURRENT;
        }

        /** The route as metrics name it: one per format. */
        String route() {
            String route = current() ? ROUTE : REVISION_ROUTE;
            return format == Format.HTML ? route : route + "." + format.extension;
        }
    }

    /**
     * A complete answer: status, headers in the order they are sent (with {@code Content-Length}), body
     * ({@code null} for none). The headers are a plain list, written out in order.
     */
    record Answer(int status, List<Header> headers, byte[] body) {

        record Header(String name, String value) {}

        /** The same answer with one more header. */
        Answer with(String name, String value) {
            List<Header> more = new ArrayList<>(headers);
            more.add(new Header(name, value));
            return new Answer(status, List.copyOf(more), body);
        }
    }

    /** The answer, whatever it takes; problems (404, 429, 500) are answers too, never exceptions. */
    Answer answer(Request request) {
        Target target = request.target();
        try {
            if (target.format().openData()) {
                Optional<ProblemDetail> refusal = rateLimit.refusal(request.client());
                if (refusal.isPresent()) {
                    return problem(refusal.get(), target)
                            .with(HttpHeaders.RETRY_AFTER, OpenDataRateLimit.retryAfter(refusal.get()));
                }
            }
            if (!target.current()) {
                return document(
                        reports.revisionDocument(
                                target.jurisdiction(),
                                target.agency(),
                                target.year(),
                                target.revision(),
                                target.format(),
                                request.takesGzip()),
                        request);
            }
            return document(
                    reports.document(
                            target.jurisdiction(),
                            target.agency(),
                            target.year(),
                            target.format(),
                            request.lang().lang(),
                            request.takesGzip()),
                    request);
        } catch (ApiException e) {
            return problem(Problems.of(e), target);
        } catch (DomainException e) {
            return problem(Problems.of(e.toApiException()), target);
        } catch (RuntimeException e) {
            log.error("Unhandled exception serving {}", target.path(), e);
            return problem(Problems.unexpected(), target);
        }
    }

    private Answer document(Served served, Request request) {
        List<Header> headers = securityHeaders();
        headers.add(new Header(HttpHeaders.ETAG, served.etag()));
        headers.add(new Header(HttpHeaders.CACHE_CONTROL, request.target().current() ? CURRENT : IMMUTABLE));
        if (HTML.equals(served.type())) {
            // The page is in the language the cookie remembers.
            headers.add(new Header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING + ", " + HttpHeaders.COOKIE));
            if (request.lang().cookie() != null) {
                headers.add(new Header(HttpHeaders.SET_COOKIE, request.lang().cookie()));
            }
        } else if (served.type() != MediaType.APPLICATION_PDF) {
            headers.add(new Header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING));
        }
        if (request.ifNoneMatch() != null && matches(request.ifNoneMatch(), served.etag())) {
            return new Answer(HttpStatus.NOT_MODIFIED.value(), headers, null);
        }
        byte[] body = served.body().get();
        headers.add(new Header(HttpHeaders.CONTENT_TYPE, served.type().toString()));
        if (served.disposition() != null) {
            headers.add(new Header(
                    HttpHeaders.CONTENT_DISPOSITION, served.disposition().toString()));
        }
        if (served.gzipped()) {
            headers.add(new Header(HttpHeaders.CONTENT_ENCODING, "gzip"));
        }
        headers.add(new Header(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length)));
        return new Answer(HttpStatus.OK.value(), headers, body);
    }

    /** {@code If-None-Match}: {@code *} or any listed tag equal to ours, compared weakly (RFC 9110, 13.1.2). */
    private static boolean matches(String ifNoneMatch, String etag) {
        ETag ours = ETag.create(etag);
        return ETag.parse(ifNoneMatch).stream().anyMatch(tag -> tag.isWildcard() || tag.compare(ours, false));
    }

    private Answer problem(ProblemDetail problem, Target target) {
        problem.setInstance(URI.create(target.path()));
        return problem(problem);
    }

    private Answer problem(ProblemDetail problem) {
        byte[] body = json.writeValueAsBytes(Problems.body(problem));
        List<Header> headers = securityHeaders();
        headers.add(new Header(HttpHeaders.CACHE_CONTROL, NEVER_STORE));
        headers.add(new Header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        headers.add(new Header(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length)));
        return new Answer(problem.getStatus(), headers, body);
    }

    private static List<Header> securityHeaders() {
        List<Header> headers = new ArrayList<>(12);
        headers.add(new Header("X-Content-Type-Options", "nosniff"));
        headers.add(new Header("X-XSS-Protection", "0"));
        headers.add(new Header("X-Frame-Options", "DENY"));
        return headers;
    }
}
