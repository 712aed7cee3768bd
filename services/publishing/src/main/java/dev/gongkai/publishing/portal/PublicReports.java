package dev.gongkai.publishing.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.publishing.cache.DocumentCache;
import dev.gongkai.publishing.cache.PublicationPointer;
import dev.gongkai.publishing.cache.PublicationPointer.Current;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.publishing.revisions.PublishedRevisions;
import dev.gongkai.publishing.revisions.ReportState;
import dev.gongkai.publishing.revisions.ReportStates;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvRenderer;
import dev.gongkai.report.render.ReportPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.MediaType;

/**
 * What the public can read, and only that: published revisions, found through the registry (an unknown
 * jurisdiction, an agency of another jurisdiction, a year never published: all 404). Documents are served from
 * the cache under keys naming agency, year, revision, version and format. The registry's answers are kept for a
 * short while ({@code registryTtl}); what it does not know is asked again every time, so a new agency shows at once.
 */
public class PublicReports {

    /** Bump when a renderer's output changes, so caches and browsers drop documents rendered by older code. */
    static final String RENDERING = "3";

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

    public PublicReports(
            AgencyRegistry registry,
            ReportStates states,
            PublishedRevisions revisions,
            PublicationPointer pointer,
            DocumentCache cache,
            ReportPdf pdf,
            Duration registryTtl) {
        this.registry = registry;
        this.knownJurisdictions = Caffeine.newBuilder()
                .expireAfterWrite(registryTtl)
                .maximumSize(10_000)
                .build();
        this.knownAgencies = Caffeine.newBuilder()
                .expireAfterWrite(registryTtl)
                .maximumSize(100_000)
                .build();
        this.states = states;
        this.revisions = revisions;
        this.pointer = pointer;
        this.cache = cache;
        this.pdf = pdf;
    }

    enum Format {
        HTML("html"),
        PDF("pdf"),
        JSON("json"),
        CSV("csv");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** Open data, under the per-client rate limit. */
        boolean openData() {
            return this == JSON || this == CSV;
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
                .orElseThrow(() -> new ApiException(ProblemCode.JURISDICTION_NOT_FOUND, slug));
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

    /** The jurisdiction, then every jurisdiction below it at any depth. */
    List<Jurisdiction> withBelow(Jurisdiction jurisdiction) {
        return registry.withDescendants(jurisdiction.slug()).stream()
                .map(s -> jurisdiction(s.value()))
                .toList();
    }

    /** An agency registered in one of these jurisdictions; any other is not found. */
    Agency agency(java.util.Collection<JurisdictionSlug> jurisdictions, String slug) {
        return known(knownAgencies, slug, () -> registry.find(AgencySlug.of(slug)))
                .filter(a -> jurisdictions.contains(a.jurisdiction()))
                .orElseThrow(() -> AgencyRegistry.notFound(slug));
    }

    List<Jurisdiction> jurisdictions() {
        return registry.jurisdictions();
    }

    List<Agency> allAgencies() {
        return registry.all();
    }

    ReportStates states() {
        return states;
    }

    PublishedRevisions revisions() {
        return revisions;
    }

    /**
     * The current revision of a year as {@code format}; {@code gzip} asks for its gzip-compressed bytes when the
     * format is text (compressed once and cached like the rest). The page ({@link Format#HTML}) is in the reader's
     * language; the documents themselves are the national (Chinese) form. May wait for Redis, PostgreSQL and
     * rendering.
     */
    Served document(String jurisdictionSlug, String agencySlug, int year, Format format, Lang lang, boolean gzip) {
        Jurisdiction jurisdiction = jurisdiction(jurisdictionSlug);
        Agency agency = agency(jurisdiction, agencySlug);
        Current current = pointer.current(agency.slug(), year).orElseThrow(() -> notPublished(agency, year));
        Lang shown = format == Format.HTML ? lang : Lang.ZH;
        Supplier<byte[]> plain = () -> cache.get(
                key(agency, year, current, format, shown, false),
                () -> render(jurisdiction, agency, year, current, format, shown));
        return compressed(format, gzip)
                ? served(
                        agency,
                        year,
                        current,
                        format,
                        shown,
                        true,
                        () -> cache.get(key(agency, year, current, format, shown, true), () -> gzip(plain.get())))
                : served(agency, year, current, format, shown, false, plain);
    }

    private static boolean compressed(Format format, boolean gzip) {
        return gzip && format != Format.PDF;
    }

    private static String key(Agency agency, int year, Current current, Format format, Lang lang, boolean gzipped) {
        return agency.slug() + ":" + year + ":" + current.token() + ":" + format.extension + language(lang, ":") + ":"
                + RENDERING + (gzipped ? ":gz" : "");
    }

    /** The language in a key or tag: nothing for Chinese, so Chinese pages keep the keys they always had. */
    private static String language(Lang lang, String separator) {
        return lang == Lang.ZH ? "" : separator + lang.code;
    }

    private static Served served(
            Agency agency,
            int year,
            Current current,
            Format format,
            Lang lang,
            boolean gzipped,
            Supplier<byte[]> body) {
        String etag = "\"" + agency.slug() + "." + year + "." + current.token() + "." + format.extension
                + language(lang, ".") + "." + RENDERING + (gzipped ? ".gz" : "") + "\"";
        return served(etag, agency.slug() + "-" + year, format, gzipped, body);
    }

    private static Served served(String etag, String name, Format format, boolean gzipped, Supplier<byte[]> body) {
        return switch (format) {
            case HTML -> new Served(etag, HTML, null, gzipped, body);
            case PDF -> new Served(etag, MediaType.APPLICATION_PDF, Served.shown(name + ".pdf"), false, body);
            case JSON -> new Served(etag, JSON, Served.shown(name + ".json"), gzipped, body);
            case CSV -> new Served(etag, CSV, Served.saved(name + ".csv"), gzipped, body);
        };
    }

    private byte[] render(
            Jurisdiction jurisdiction, Agency agency, int year, Current current, Format format, Lang lang) {
        return format == Format.HTML
                ? page(jurisdiction, agency, year, current.number(), current.number(), lang)
                : file(agency, year, current.number(), format);
    }

    /** A published revision as PDF, JSON or CSV: its bytes depend on the revision alone. */
    private byte[] file(Agency agency, int year, int number, Format format) {
        PublishedRevision revision = revision(agency, year, number);
        return switch (format) {
            case HTML -> throw new IllegalArgumentException("A page is no file of a revision");
            case PDF -> pdf(revision);
            case JSON -> CanonicalJson.writeBytes(revision.report());
            case CSV -> CsvRenderer.renderBytes(revision.report());
        };
    }

    /**
     * One published revision as PDF, JSON or CSV, at a URL of its own that never answers other bytes (published
     * revisions are never changed), so its validator names the revision alone, not the year's current pointer.
     */
    Served revisionDocument(
            String jurisdictionSlug, String agencySlug, int year, int number, Format format, boolean gzip) {
        Jurisdiction jurisdiction = jurisdiction(jurisdictionSlug);
        Agency agency = agency(jurisdiction, agencySlug);
        Current current = pointer.current(agency.slug(), year).orElseThrow(() -> notPublished(agency, year));
        if (number < 1 || number > current.number()) {
            throw new ApiException(ProblemCode.REPORT_REVISION_NOT_FOUND, year, number);
        }
        String key = agency.slug() + ":" + year + ":rev" + number + ":" + format.extension + ":" + RENDERING;
        Supplier<byte[]> plain = () -> cache.get(key, () -> file(agency, year, number, format));
        boolean compressed = compressed(format, gzip);
        String etag = "\"" + agency.slug() + "." + year + ".rev" + number + "." + format.extension + "." + RENDERING
                + (compressed ? ".gz" : "") + "\"";
        return served(
                etag,
                agency.slug() + "-" + year + "-r" + number,
                format,
                compressed,
                compressed ? () -> cache.get(key + ":gz", () -> gzip(plain.get())) : plain);
    }

    /** The published revision as PDF, closed by its number and publication time. */
    private byte[] pdf(PublishedRevision revision) {
        return pdf.render(
                revision.report(), closingLine(revision.number(), revision.correction(), revision.publishedAt()));
    }

    /** What closes a published PDF: 「第2版（更正），发布于 2026-01-20 10:00」. */
    static String closingLine(int number, boolean correction, java.time.Instant publishedAt) {
        return "第" + number + "版" + (correction ? "（更正）" : "") + "，发布于 " + Html.dateTime(publishedAt);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An earlier (or the current) revision's page, so corrected text stays readable. */
    Served revisionPage(String jurisdictionSlug, String agencySlug, int year, int number, Lang lang) {
        Jurisdiction jurisdiction = jurisdiction(jurisdictionSlug);
        Agency agency = agency(jurisdiction, agencySlug);
        Current current = pointer.current(agency.slug(), year).orElseThrow(() -> notPublished(agency, year));
        if (number < 1 || number > current.number()) {
            throw new ApiException(ProblemCode.REPORT_REVISION_NOT_FOUND, year, number);
        }
        String key = agency.slug() + ":" + year + ":" + current.token() + ":rev" + number + language(lang, ":") + ":"
                + RENDERING;
        String etag = "\"" + agency.slug() + "." + year + "." + current.token() + ".rev" + number + language(lang, ".")
                + "." + RENDERING + "\"";
        return new Served(
                etag,
                HTML,
                null,
                false,
                () -> cache.get(key, () -> page(jurisdiction, agency, year, number, current.number(), lang)));
    }

    private byte[] page(Jurisdiction jurisdiction, Agency agency, int year, int number, int current, Lang lang) {
        return ReportPage.render(
                jurisdiction,
                agency,
                revision(agency, year, number),
                current,
                revisions.history(agency.slug(), year),
                compareLink(jurisdiction, agency, year),
                lang);
    }

    /**
     * Where a report page's compare link leads: its jurisdiction's compare page with the agency and year picked; for
     * a branch whose parent is registered in a jurisdiction above its own (a 分局 in a district, 市公安局 in the
     * city), the parent's jurisdiction's page, which reaches both, with the parent picked too.
     */
    private String compareLink(Jurisdiction jurisdiction, Agency agency, int year) {
        Optional<Agency> parent = Optional.ofNullable(agency.parent())
                .flatMap(slug -> known(knownAgencies, slug.value(), () -> registry.find(slug)))
                .filter(p -> !p.jurisdiction().equals(agency.jurisdiction()))
                .filter(p -> registry.withDescendants(p.jurisdiction()).contains(agency.jurisdiction()));
        return parent.map(p -> "/public/" + p.jurisdiction() + "/compare?agencies=" + p.slug() + "&agencies="
                        + agency.slug() + "&years=" + year)
                .orElse("/public/" + jurisdiction.slug() + "/compare?agencies=" + agency.slug() + "&years=" + year);
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
        return new ApiException(ProblemCode.REPORT_NOT_PUBLISHED, agency.nameZh(), year);
    }
}
