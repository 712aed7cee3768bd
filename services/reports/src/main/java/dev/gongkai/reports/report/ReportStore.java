package dev.gongkai.reports.report;

import static dev.gongkai.platform.jooq.agency_template.Tables.FINDING_EXPLANATION;
import static dev.gongkai.platform.jooq.agency_template.Tables.REPORT;
import static dev.gongkai.platform.jooq.agency_template.Tables.REPORT_REVISION;
import static dev.gongkai.platform.jooq.agency_template.Tables.REVIEW_COMMENT;

import dev.gongkai.contract.ReportSource;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.contract.ReportSummary;
import dev.gongkai.contract.RevisionView;
import dev.gongkai.platform.jooq.agency_template.tables.records.ReportRecord;
import dev.gongkai.platform.tenancy.Actor;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.RecordMapper;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The agency's {@code report} and {@code report_revision} tables. Every method takes the agency's mapped
 * {@link DSLContext}; jOOQ records stay in here. A document is stored as the canonical JSON of the report core.
 */
@Component
public class ReportStore {

    static final RecordMapper<ReportRecord, StoredReport> TO_REPORT = r -> new StoredReport(
            r.getYear(),
            r.getStatus(),
            r.getRevision(),
            document(r.getDocument()),
            r.getSource(),
            r.getSourceChecksum(),
            r.getCorrectionPending(),
            r.getCorrectionReason(),
            r.getReturnReason(),
            r.getCreatedAt(),
            r.getUpdatedAt(),
            r.getSubmittedAt(),
            r.getPublishedAt());

    public Optional<StoredReport> find(DSLContext dsl, int year) {
        return dsl.selectFrom(REPORT).where(REPORT.YEAR.eq(year)).fetchOptional(TO_REPORT);
    }

    /** The report as the disclosure office may read it; a never-submitted draft answers like no report at all. */
    public StoredReport requireVisibleToOffice(DSLContext dsl, int year) {
        return find(dsl, year).filter(StoredReport::visibleToOffice).orElseThrow(() -> Years.reportNotFound(year));
    }

    /** The row, locked until the transaction ends: concurrent writers of one report queue here. */
    public Optional<StoredReport> lock(DSLContext dsl, int year) {
        return dsl.selectFrom(REPORT).where(REPORT.YEAR.eq(year)).forUpdate().fetchOptional(TO_REPORT);
    }

    /** Every report of the agency, newest year first, without reading the documents. */
    public List<ReportSummary> summaries(DSLContext dsl) {
        var c = REVIEW_COMMENT;
        var openComments = DSL.field(
                DSL.selectCount().from(c).where(c.YEAR.eq(REPORT.YEAR), c.PARENT_ID.isNull(), c.RESOLVED_AT.isNull()));
        return dsl.select(
                        REPORT.YEAR,
                        REPORT.FORMAT,
                        REPORT.STATUS,
                        REPORT.REVISION,
                        REPORT.SOURCE,
                        REPORT.UPDATED_AT,
                        openComments)
                .from(REPORT)
                .orderBy(REPORT.YEAR.desc())
                .fetch(r -> new ReportSummary(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** What an edit needs, read in one round trip: the row (locked), last year's document and the explanations. */
    public record Editing(StoredReport report, AnnualReport previous, Map<String, String> explanations) {}

    public Optional<Editing> lockForEdit(DSLContext dsl, int year) {
        var last = REPORT.as("last_year");
        Field<JSONB> previous =
                DSL.field(DSL.select(last.DOCUMENT).from(last).where(last.YEAR.eq(REPORT.YEAR.minus(1))));
        Field<JSONB> explanations = DSL.field(DSL.select(DSL.field(
                        "jsonb_object_agg({0}, {1})",
                        JSONB.class, FINDING_EXPLANATION.FINDING_ID, FINDING_EXPLANATION.TEXT))
                .from(FINDING_EXPLANATION)
                .where(FINDING_EXPLANATION.YEAR.eq(REPORT.YEAR)));
        return dsl.select(REPORT.asterisk(), previous.as("previous"), explanations.as("explanations"))
                .from(REPORT)
                .where(REPORT.YEAR.eq(year))
                .forUpdate()
                .of(REPORT)
                .fetchOptional(r -> new Editing(
                        TO_REPORT.map(r.into(REPORT)),
                        r.get("previous", JSONB.class) == null ? null : document(r.get("previous", JSONB.class)),
                        explanationMap(r.get("explanations", JSONB.class))));
    }

    private static Map<String, String> explanationMap(JSONB json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, String> result = new HashMap<>();
        READER.readTree(json.data())
                .properties()
                .forEach(e -> result.put(e.getKey(), e.getValue().stringValue()));
        return result;
    }

    private static final tools.jackson.databind.json.JsonMapper READER =
            tools.jackson.databind.json.JsonMapper.builder().build();

    public boolean exists(DSLContext dsl, int year) {
        return dsl.fetchExists(REPORT, REPORT.YEAR.eq(year));
    }

    /** The same agency's report on {@code year − 1}, in any status, for the cross-year rules. */
    public Optional<AnnualReport> previousYear(DSLContext dsl, int year) {
        return dsl.select(REPORT.DOCUMENT)
                .from(REPORT)
                .where(REPORT.YEAR.eq(year - 1))
                .fetchOptional(r -> document(r.value1()));
    }

    /** Inserts a new report with its first revision. */
    public void insert(
            DSLContext dsl,
            int year,
            AnnualReport document,
            ReportStatus status,
            ReportSource source,
            String sourceChecksum,
            String sourceFile,
            OffsetDateTime publishedAt,
            Actor author) {
        JSONB json = json(document);
        dsl.insertInto(REPORT)
                .set(REPORT.YEAR, year)
                .set(REPORT.FORMAT, document.format().code())
                .set(REPORT.STATUS, status)
                .set(REPORT.REVISION, 1)
                .set(REPORT.DOCUMENT, json)
                .set(REPORT.SOURCE, source)
                .set(REPORT.SOURCE_CHECKSUM, sourceChecksum)
                .set(REPORT.SOURCE_FILE, sourceFile)
                .set(REPORT.PUBLISHED_AT, publishedAt)
                .set(REPORT.PUBLICATIONS, status == ReportStatus.PUBLISHED ? 1 : 0)
                .execute();
        insertRevision(dsl, year, 1, json, author);
    }

    /** Counts one more publication of the year and returns its number (the caller holds the row lock). */
    public int nextPublication(DSLContext dsl, int year) {
        return dsl.update(REPORT)
                .set(REPORT.PUBLICATIONS, REPORT.PUBLICATIONS.plus(1))
                .where(REPORT.YEAR.eq(year))
                .returning(REPORT.PUBLICATIONS)
                .fetchSingle(REPORT.PUBLICATIONS);
    }

    /** Stores a new revision of the document (the caller holds the row lock and checked the revision). */
    public void saveDocument(
            DSLContext dsl, int year, int revision, AnnualReport document, ReportStatus status, Actor author) {
        JSONB json = json(document);
        dsl.update(REPORT)
                .set(REPORT.DOCUMENT, json)
                .set(REPORT.REVISION, revision)
                .set(REPORT.STATUS, status)
                .set(REPORT.UPDATED_AT, OffsetDateTime.now())
                .where(REPORT.YEAR.eq(year))
                .execute();
        // The revision is written from the same JSON rather than copied with INSERT … SELECT from the row just
        // written: on a Citus distributed schema that statement fails on the worker (13.2.2 adds a filter on the
        // missing distribution column, "syntax error at or near NOT"; docs/scale-out.md).
        insertRevision(dsl, year, revision, json, author);
    }

    public void changeStatus(DSLContext dsl, int year, ReportStatus status, StatusDetails details) {
        var update = dsl.update(REPORT)
                .set(REPORT.STATUS, status)
                .set(REPORT.UPDATED_AT, OffsetDateTime.now())
                .set(REPORT.RETURN_REASON, details.returnReason())
                .set(REPORT.CORRECTION_PENDING, details.correctionPending())
                .set(REPORT.CORRECTION_REASON, details.correctionReason());
        if (details.submittedAt() != null) {
            update = update.set(REPORT.SUBMITTED_AT, details.submittedAt());
        }
        if (details.publishedAt() != null) {
            update = update.set(REPORT.PUBLISHED_AT, details.publishedAt());
        }
        update.where(REPORT.YEAR.eq(year)).execute();
    }

    /** What a status change writes besides the status itself. */
    public record StatusDetails(
            String returnReason,
            boolean correctionPending,
            String correctionReason,
            OffsetDateTime submittedAt,
            OffsetDateTime publishedAt) {}

    public Optional<AnnualReport> revision(DSLContext dsl, int year, int revision) {
        return dsl.select(REPORT_REVISION.DOCUMENT)
                .from(REPORT_REVISION)
                .where(REPORT_REVISION.YEAR.eq(year), REPORT_REVISION.REVISION.eq(revision))
                .fetchOptional(r -> document(r.value1()));
    }

    public List<RevisionView> revisions(DSLContext dsl, int year) {
        return dsl.select(
                        REPORT_REVISION.REVISION,
                        REPORT_REVISION.AUTHOR,
                        REPORT_REVISION.AUTHOR_NAME,
                        REPORT_REVISION.AUTHOR_AGENCY,
                        REPORT_REVISION.CREATED_AT)
                .from(REPORT_REVISION)
                .where(REPORT_REVISION.YEAR.eq(year))
                .orderBy(REPORT_REVISION.REVISION)
                .fetch(r -> new RevisionView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    private static void insertRevision(DSLContext dsl, int year, int revision, JSONB json, Actor author) {
        dsl.insertInto(REPORT_REVISION)
                .set(REPORT_REVISION.YEAR, year)
                .set(REPORT_REVISION.REVISION, revision)
                .set(REPORT_REVISION.DOCUMENT, json)
                .set(REPORT_REVISION.AUTHOR, author.username())
                .set(REPORT_REVISION.AUTHOR_NAME, author.name())
                .set(REPORT_REVISION.AUTHOR_AGENCY, author.agency())
                .execute();
    }

    public static JSONB json(AnnualReport document) {
        return JSONB.valueOf(CanonicalJson.write(document));
    }

    static AnnualReport document(JSONB json) {
        try {
            return CanonicalJson.read(json.data().getBytes(StandardCharsets.UTF_8))
                    .report();
        } catch (UnreadableReportException e) {
            // We only ever store what CanonicalJson wrote; anything else is a damaged row, not a user error.
            throw new IllegalStateException("Stored report document is unreadable: " + e.getMessage(), e);
        }
    }
}
