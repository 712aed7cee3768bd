package dev.gongkai.publishing.revisions;

import static dev.gongkai.platform.jooq.agency_template.Tables.PUBLISHED_REVISION;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.jooq.agency_template.tables.records.PublishedRevisionRecord;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.render.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.RecordMapper;

/** Reads an agency's published revisions; the only write after insertion is the agency's website URL. */
public class PublishedRevisions {

    private static final RecordMapper<PublishedRevisionRecord, PublishedRevision> TO_REVISION =
            r -> new PublishedRevision(
                    r.getYear(),
                    r.getNumber(),
                    r.getReportRevision(),
                    document(r),
                    r.getPublishedAt().toInstant(),
                    r.getCorrection(),
                    r.getReason(),
                    r.getImported(),
                    r.getDeadline(),
                    r.getLate(),
                    r.getWebsiteUrl(),
                    instant(r.getWebsiteUrlAt()));

    private final AgencyDsl agencies;

    public PublishedRevisions(AgencyDsl agencies) {
        this.agencies = agencies;
    }

    public Optional<PublishedRevision> find(AgencySlug agency, int year, int number) {
        return agencies.of(agency)
                .selectFrom(PUBLISHED_REVISION)
                .where(PUBLISHED_REVISION.YEAR.eq(year), PUBLISHED_REVISION.NUMBER.eq(number))
                .fetchOptional(TO_REVISION);
    }

    public Optional<PublishedRevision> current(AgencySlug agency, int year) {
        return agencies.of(agency)
                .selectFrom(PUBLISHED_REVISION)
                .where(PUBLISHED_REVISION.YEAR.eq(year))
                .orderBy(PUBLISHED_REVISION.NUMBER.desc())
                .limit(1)
                .fetchOptional(TO_REVISION);
    }

    /** Oldest first. */
    public List<RevisionSummary> history(AgencySlug agency, int year) {
        var p = PUBLISHED_REVISION;
        return agencies.of(agency)
                .select(p.NUMBER, p.PUBLISHED_AT, p.CORRECTION, p.REASON, p.IMPORTED, p.LATE, p.WEBSITE_URL)
                .from(p)
                .where(p.YEAR.eq(year))
                .orderBy(p.NUMBER)
                .fetch(r -> new RevisionSummary(
                        r.value1(),
                        r.value2().toInstant(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7()));
    }

    /** Records the URL on the year's current revision; empty when the year has never been published. */
    public Optional<Integer> recordWebsiteUrl(AgencySlug agency, int year, String url, String by) {
        DSLContext dsl = agencies.of(agency);
        var p = PUBLISHED_REVISION;
        Optional<Integer> current = dsl.select(p.NUMBER)
                .from(p)
                .where(p.YEAR.eq(year))
                .orderBy(p.NUMBER.desc())
                .limit(1)
                .forUpdate()
                .fetchOptional(p.NUMBER);
        current.ifPresent(number -> dsl.update(p)
                .set(p.WEBSITE_URL, url)
                .set(p.WEBSITE_URL_BY, by)
                .set(p.WEBSITE_URL_AT, OffsetDateTime.now())
                .where(p.YEAR.eq(year), p.NUMBER.eq(number))
                .execute());
        return current;
    }

    private static dev.gongkai.report.model.AnnualReport document(PublishedRevisionRecord r) {
        try {
            return CanonicalJson.read(r.getDocument().data().getBytes(StandardCharsets.UTF_8))
                    .report();
        } catch (UnreadableReportException e) {
            // Only canonical JSON is ever stored (PublicationRecorder writes it), so this is corruption.
            throw new IllegalStateException(
                    "published revision " + r.getYear() + "/" + r.getNumber() + " is unreadable", e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
