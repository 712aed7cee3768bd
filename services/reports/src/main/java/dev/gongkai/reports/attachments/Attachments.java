package dev.gongkai.reports.attachments;

import static dev.gongkai.platform.jooq.agency_template.Tables.ATTACHMENT;

import dev.gongkai.contract.AttachmentView;
import dev.gongkai.contract.UploadKind;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.Actor;
import dev.gongkai.platform.tenancy.Actors;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.reports.audit.AuditTrail;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.Years;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to a report: above all the signed and stamped PDF that local rules require for filing (备案).
 * The type is recognised from the content, never trusted from the name or the header; each file is stored with its
 * SHA-256 and listed in the audit trail.
 */
@Service
public class Attachments {

    /** The console names the same limit on the attachments page: both take it from {@link UploadKind}. */
    public static final long MAX_BYTES = UploadKind.ATTACHMENT.maxBytes();

    private final AgencyDsl agencyDsl;
    private final ReportStore reports;
    private final AuditTrail audit;
    private final Actors actors;

    Attachments(AgencyDsl agencyDsl, ReportStore reports, AuditTrail audit, Actors actors) {
        this.actors = actors;
        this.agencyDsl = agencyDsl;
        this.reports = reports;
        this.audit = audit;
    }

    record Download(String fileName, String mediaType, byte[] content, String sha256) {}

    @Transactional
    public AttachmentView add(ActingAgency acting, int year, String fileName, byte[] content) {
        DSLContext dsl = agencyDsl.of(acting);
        if (!reports.exists(dsl, year)) {
            throw Years.reportNotFound(year);
        }
        if (content == null || content.length == 0) {
            throw new ApiException(ProblemCode.ATTACHMENT_EMPTY).atField("file");
        }
        if (content.length > MAX_BYTES) {
            throw tooLarge().with("limit_bytes", MAX_BYTES);
        }
        String type = mediaType(content);
        if (type == null) {
            throw new ApiException(ProblemCode.ATTACHMENT_TYPE_NOT_ALLOWED)
                    .atField("file")
                    .with("allowed", List.of("application/pdf", "image/png", "image/jpeg"));
        }
        String name = fileName(fileName);
        String sha256 = sha256(content);
        Actor actor = actors.of(acting);
        var record = dsl.insertInto(ATTACHMENT)
                .set(ATTACHMENT.YEAR, year)
                .set(ATTACHMENT.FILE_NAME, name)
                .set(ATTACHMENT.MEDIA_TYPE, type)
                .set(ATTACHMENT.SIZE, (long) content.length)
                .set(ATTACHMENT.SHA256, sha256)
                .set(ATTACHMENT.CONTENT, content)
                .set(ATTACHMENT.UPLOADED_BY, actor.username())
                .set(ATTACHMENT.UPLOADED_BY_NAME, actor.name())
                .returning(ATTACHMENT.ID, ATTACHMENT.UPLOADED_AT)
                .fetchOne();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fileName", name);
        after.put("mediaType", type);
        after.put("size", content.length);
        after.put("sha256", sha256);
        audit.append(
                dsl,
                acting.slug(),
                actor,
                "attachment.add",
                "report/" + year + "/attachment/" + record.getId(),
                null,
                after);
        return new AttachmentView(
                record.getId(),
                year,
                name,
                type,
                content.length,
                sha256,
                actor.username(),
                actor.name(),
                record.getUploadedAt());
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> list(ActingAgency acting, int year) {
        DSLContext dsl = agencyDsl.of(acting);
        if (!reports.exists(dsl, year)) {
            throw Years.reportNotFound(year);
        }
        return dsl.select(
                        ATTACHMENT.ID,
                        ATTACHMENT.YEAR,
                        ATTACHMENT.FILE_NAME,
                        ATTACHMENT.MEDIA_TYPE,
                        ATTACHMENT.SIZE,
                        ATTACHMENT.SHA256,
                        ATTACHMENT.UPLOADED_BY,
                        ATTACHMENT.UPLOADED_BY_NAME,
                        ATTACHMENT.UPLOADED_AT)
                .from(ATTACHMENT)
                .where(ATTACHMENT.YEAR.eq(year))
                .orderBy(ATTACHMENT.ID)
                .fetch(r -> new AttachmentView(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9()));
    }

    @Transactional(readOnly = true)
    Download download(ActingAgency acting, int year, long id) {
        var r = agencyDsl
                .of(acting)
                .selectFrom(ATTACHMENT)
                .where(ATTACHMENT.YEAR.eq(year), ATTACHMENT.ID.eq(id))
                .fetchOne();
        if (r == null) {
            throw new ApiException(ProblemCode.ATTACHMENT_NOT_FOUND, id);
        }
        return new Download(r.getFileName(), r.getMediaType(), r.getContent(), r.getSha256());
    }

    /**
     * Removes a file while the agency may still change the report (draft or returned); the audit trail keeps what
     * was removed. Once the report awaits sign-off or has been submitted its files stay as they are.
     */
    @Transactional
    public void remove(ActingAgency acting, int year, long id) {
        DSLContext dsl = agencyDsl.of(acting);
        reports.lock(dsl, year).orElseThrow(() -> Years.reportNotFound(year)).requireEditable();
        var r = dsl.selectFrom(ATTACHMENT)
                .where(ATTACHMENT.YEAR.eq(year), ATTACHMENT.ID.eq(id))
                .fetchOne();
        if (r == null) {
            throw new ApiException(ProblemCode.ATTACHMENT_NOT_FOUND, id);
        }
        r.delete();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("fileName", r.getFileName());
        before.put("mediaType", r.getMediaType());
        before.put("size", r.getSize());
        before.put("sha256", r.getSha256());
        audit.append(
                dsl,
                acting.slug(),
                actors.of(acting),
                "attachment.remove",
                "report/" + year + "/attachment/" + id,
                before,
                null);
    }

    /** 413 for a file over {@link #MAX_BYTES}, whether the upload or the stored content says so. */
    static ApiException tooLarge() {
        return new ApiException(ProblemCode.ATTACHMENT_TOO_LARGE, UploadKind.ATTACHMENT.megabytes() + " MB")
                .atField("file");
    }

    /** Recognised by the first bytes: PDF, PNG or JPEG; anything else is refused. */
    static String mediaType(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "image/jpeg";
        }
        return null;
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return "attachment";
        }
        // Only the last path segment, without control characters: the name is shown and sent back in a header.
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        return base.length() > 200 ? base.substring(base.length() - 200) : base.isEmpty() ? "attachment" : base;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
