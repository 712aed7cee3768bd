package dev.gongkai.publishing.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.publishing.cache.DocumentCache;
import dev.gongkai.publishing.cache.PublicationPointer;
import dev.gongkai.publishing.cache.PublicationPointer.Current;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.publishing.revisions.ReportState;
import dev.gongkai.publishing.revisions.ReportStates;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvRenderer;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the public can read, and only that: published revisions, found through the registry (an unknown
 * jurisdiction, an agency of another jurisdiction, a year never published: all 404). Documents are served from
 * the cache under keys naming agency, year, revision, version and format. The registry's answers are kept for a
 * short while ({@code registryTtl}); what it does not know is asked again every time, so a new agency shows at once.
 */
public class PublicReports {

    /** Bump when a renderer's output changes, so caches and browsers drop documents rendered by older code. */
    static final String RENDERING = "1";

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final AgencyRegistry registry;
    private final ReportStates states;
    private final PublishedRevisions revisions;
    private final PublicationPointer pointer;
    private final DocumentCache cache;
    private final ReportPdf pdf;
    private final Cache<String, Jurisdiction> knownJurisdictions;
    private final Cache<String, Agency> knownAgencies;

    public PublicReports(AgencyRegistry registry, ReportStates states, PublishedRevisions revisions,
                         PublicationPointer pointer, DocumentCache cache, ReportPdf pdf, Duration registryTtl) {
        this.registry = registry;
        this.knownJurisdictions = Caffeine.newBuilder().expireAfterWrite(registryTtl).maximumSize(10_000).build();
        this.knownAgencies = Caffeine.newBuilder().expireAfterWrite(registryTtl).maximumSize(100_000).build();
        this.states = states;
        this.revisions = revisions;
        this.pointer = pointer;
        this.cache = cache;
        this.pdf = pdf;
    }

    enum Format {
        HTML("html"), PDF("pdf"), JSON("json"), CSV("csv");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        static Format ofExtension(String extension) {
            for (Format format : values()) {
                if (format.extension.equals(extension)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("No document format " + extension);
        }
    }

    Jurisdiction jurisdiction(String slug) {
        return known(knownJurisdictions, slug, () -> registry.findJurisdiction(JurisdictionSlug.of(slug)))
                .orElseThrow(() -> ApiException.notFound("jurisdiction.not-found", "未找到辖区 " + slug,
                        "Jurisdiction " + slug + " not found"));
    }

    Agency agency(Jurisdiction jurisdiction, String slug) {
        return known(knownAgencies, slug, () -> registry.find(AgencySlug.of(slug)))
                .filter(a -> a.jurisdiction().equals(jurisdiction.slug()))
                .orElseThrow(() -> AgencyRegistry.notFound(slug));
    }

    private static <T> Optional<T> known(Cache<String, T> known, String slug, Supplier<Optional<T>> lookup) {
        T hit = known.getIfPresent(slug);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<T> found = lookup.get();
        found.ifPresent(value -> known.put(slug, value));
        return found;
    }

    List<Agency> agencies(Jurisdiction jurisdiction) {
        return registry.inJurisdiction(jurisdiction.slug());
    }

    ReportStates states() {
        return states;
    }

    PublishedRevisions revisions() {
        return revisions;
    }

    Served document(String jurisdictionSlug, String agencySlug, int year, Format format) {
        Jurisdiction jurisdiction = jurisdiction(jurisdictionSlug);
        Agency agency = agency(jurisdiction, agencySlug);
        Current current = pointer.current(agency.slug(), year).orElseThrow(() -> notPublished(agency, year));
        String name = agency.slug() + "-" + year;
        String key = agency.slug() + ":" + year + ":" + current.token() + ":" + format.extension + ":" + RENDERING;
        String etag = "\"" + agency.slug() + "." + year + "." + current.token() + "." + format.extension + "."
                + RENDERING + "\"";
        return switch (format) {
            case HTML -> new Served(etag, HTML, null, () -> cache.get(key, () -> page(jurisdiction, agency, year,
                    current.number(), current.number())));
            case PDF -> new Served(etag, MediaType.APPLICATION_PDF, Served.shown(name + ".pdf"),
                    () -> cache.get(key, () -> pdf.render(revision(agency, year, current.number()))));
            case JSON -> new Served(etag, JSON, Served.shown(name + ".json"),
                    () -> cache.get(key, () -> CanonicalJson.writeBytes(revision(agency, year, current.number())
                            .report())));
            case CSV -> new Served(etag, CSV, Served.saved(name + ".csv"),
                    () -> cache.get(key, () -> CsvRenderer.renderBytes(revision(agency, year, current.number())
                            .report())));
        };
    }

    /** An earlier (or the current) revision's page, so corrected text stays readable. */
    Served revisionPage(String jurisdictionSlug, String agencySlug, int year, int number) {
        Jurisdiction jurisdiction = jurisdiction(jurisdictionSlug);
        Agency agency = agency(jurisdiction, agencySlug);
        Current current = pointer.current(agency.slug(), year).orElseThrow(() -> notPublished(agency, year));
        if (number < 1 || number > current.number()) {
            throw ApiException.notFound("revision.not-found", "未找到该版本", "No such published revision");
        }
        String key = agency.slug() + ":" + year + ":" + current.token() + ":rev" + number + ":" + RENDERING;
        String etag = "\"" + agency.slug() + "." + year + "." + current.token() + ".rev" + number + "." + RENDERING
                + "\"";
        return new Served(etag, HTML, null,
                () -> cache.get(key, () -> page(jurisdiction, agency, year, number, current.number())));
    }

    private byte[] page(Jurisdiction jurisdiction, Agency agency, int year, int number, int current) {
        return ReportPage.render(jurisdiction, agency, revision(agency, year, number), current,
                revisions.history(agency.slug(), year));
    }

    PublishedRevision revision(Agency agency, int year, int number) {
        return revisions.find(agency.slug(), year, number).orElseThrow(() -> notPublished(agency, year));
    }

    /** The validator of a set of documents: changes whenever any of them changes. */
    static String digest(List<ReportState> published, String salt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            for (ReportState state : published) {
                sha.update((state.agency() + ":" + state.publishedRevision() + ":" + state.version() + ";")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    DocumentCache cache() {
        return cache;
    }

    static ApiException notPublished(Agency agency, int year) {
        return ApiException.notFound("report.not-published", agency.nameZh() + " " + year + " 年度报告尚未发布",
                "The " + year + " report of " + agency.slug() + " has not been published");
    }
}
