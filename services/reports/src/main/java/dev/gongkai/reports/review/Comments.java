package dev.gongkai.reports.review;

import static dev.gongkai.platform.jooq.agency_template.Tables.REVIEW_COMMENT;

import dev.gongkai.contract.CommentView;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.jooq.agency_template.tables.records.ReviewCommentRecord;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.Actor;
import dev.gongkai.platform.tenancy.Actors;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.model.Section;
import dev.gongkai.reports.audit.AuditTrail;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.StoredReport;
import dev.gongkai.reports.report.Years;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.RecordMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Review comments anchored to a cell key or a section key, with replies and resolution; every one audited. */
@Service
public class Comments {

    static final int MAX_BODY_CHARS = 10_000;

    private final AgencyDsl agencyDsl;
    private final ReportStore reports;
    private final AuditTrail audit;
    private final Actors actors;

    Comments(AgencyDsl agencyDsl, ReportStore reports, AuditTrail audit, Actors actors) {
        this.agencyDsl = agencyDsl;
        this.reports = reports;
        this.audit = audit;
        this.actors = actors;
    }

    public record NewComment(String anchor, String body) {}

    private static final RecordMapper<ReviewCommentRecord, CommentView> TO_COMMENT = r -> new CommentView(
            r.getId(),
            r.getAnchor(),
            r.getBody(),
            r.getAuthor(),
            r.getAuthorName(),
            r.getAuthorAgency(),
            r.getFromOffice(),
            r.getCreatedAt(),
            r.getResolvedAt(),
            r.getResolvedBy(),
            new ArrayList<>());

    /** The threads of a report: top-level comments in order, each with its replies. */
    @Transactional(readOnly = true)
    public List<CommentView> threads(ActingAgency acting, int year) {
        DSLContext dsl = agencyDsl.of(acting);
        requireReport(dsl, year);
        var records = dsl.selectFrom(REVIEW_COMMENT)
                .where(REVIEW_COMMENT.YEAR.eq(year))
                .orderBy(REVIEW_COMMENT.ID)
                .fetch();
        Map<Long, CommentView> top = new LinkedHashMap<>();
        for (var r : records) {
            if (r.getParentId() == null) {
                top.put(r.getId(), TO_COMMENT.map(r));
            }
        }
        for (var r : records) {
            if (r.getParentId() != null && top.containsKey(r.getParentId())) {
                top.get(r.getParentId()).replies().add(TO_COMMENT.map(r));
            }
        }
        return List.copyOf(top.values());
    }

    @Transactional
    public CommentView add(ActingAgency acting, int year, NewComment comment) {
        DSLContext dsl = agencyDsl.of(acting);
        StoredReport report = requireReport(dsl, year);
        String anchor = anchor(report, comment == null ? null : comment.anchor());
        String body = body(comment == null ? null : comment.body());
        return insert(acting, dsl, year, null, anchor, body, "comment.add");
    }

    @Transactional
    public CommentView reply(ActingAgency acting, int year, long parentId, String text) {
        DSLContext dsl = agencyDsl.of(acting);
        requireReport(dsl, year);
        var parent = find(dsl, year, parentId);
        // Replies attach to the thread's first comment, so threads stay one level deep.
        long threadId = parent.getParentId() != null ? parent.getParentId() : parent.getId();
        return insert(acting, dsl, year, threadId, parent.getAnchor(), body(text), "comment.reply");
    }

    @Transactional
    public CommentView resolve(ActingAgency acting, int year, long id) {
        DSLContext dsl = agencyDsl.of(acting);
        requireReport(dsl, year);
        var comment = find(dsl, year, id);
        if (comment.getResolvedAt() == null) {
            Actor actor = actors.of(acting);
            comment.setResolvedAt(OffsetDateTime.now());
            comment.setResolvedBy(actor.username());
            dsl.update(REVIEW_COMMENT)
                    .set(REVIEW_COMMENT.RESOLVED_AT, comment.getResolvedAt())
                    .set(REVIEW_COMMENT.RESOLVED_BY, actor.username())
                    .where(REVIEW_COMMENT.ID.eq(id))
                    .execute();
            audit.append(
                    dsl,
                    acting.slug(),
                    actor,
                    "comment.resolve",
                    target(year, id),
                    Map.of("resolved", false),
                    Map.of("resolved", true));
        }
        return TO_COMMENT.map(comment);
    }

    private CommentView insert(
            ActingAgency acting, DSLContext dsl, int year, Long parent, String anchor, String body, String action) {
        Actor actor = actors.of(acting);
        boolean office = acting.viaOffice();
        var record = dsl.insertInto(REVIEW_COMMENT)
                .set(REVIEW_COMMENT.YEAR, year)
                .set(REVIEW_COMMENT.PARENT_ID, parent)
                .set(REVIEW_COMMENT.ANCHOR, anchor)
                .set(REVIEW_COMMENT.BODY, body)
                .set(REVIEW_COMMENT.AUTHOR, actor.username())
                .set(REVIEW_COMMENT.AUTHOR_NAME, actor.name())
                .set(REVIEW_COMMENT.AUTHOR_AGENCY, actor.agency())
                .set(REVIEW_COMMENT.FROM_OFFICE, office)
                .returning()
                .fetchOne();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("anchor", anchor);
        after.put("body", body);
        if (parent != null) {
            after.put("parent", parent);
        }
        audit.append(dsl, acting.slug(), actor, action, target(year, record.getId()), null, after);
        return TO_COMMENT.map(record);
    }

    private StoredReport requireReport(DSLContext dsl, int year) {
        return reports.find(dsl, year).orElseThrow(() -> Years.reportNotFound(year));
    }

    private static ReviewCommentRecord find(DSLContext dsl, int year, long id) {
        var record = dsl.selectFrom(REVIEW_COMMENT)
                .where(REVIEW_COMMENT.YEAR.eq(year), REVIEW_COMMENT.ID.eq(id))
                .fetchOne();
        if (record == null) {
            throw new ApiException(ProblemCode.COMMENT_NOT_FOUND, id);
        }
        return record;
    }

    /** A comment sits on a cell of the report's format or on one of its six sections. */
    private static String anchor(StoredReport report, String anchor) {
        if (anchor == null || anchor.isBlank()) {
            throw new ApiException(ProblemCode.COMMENT_ANCHOR_REQUIRED).atField("anchor");
        }
        boolean section =
                java.util.Arrays.stream(Section.values()).anyMatch(s -> s.key().equals(anchor));
        if (!section && !report.document().layout().hasCell(anchor)) {
            throw new ApiException(ProblemCode.COMMENT_ANCHOR_UNKNOWN, anchor).atField("anchor");
        }
        return anchor;
    }

    private static String body(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(ProblemCode.COMMENT_BODY_REQUIRED).atField("body");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new ApiException(ProblemCode.COMMENT_BODY_TOO_LONG, MAX_BODY_CHARS).atField("body");
        }
        return body.strip();
    }

    private static String target(int year, long id) {
        return "report/" + year + "/comment/" + id;
    }
}
