package dev.gongkai.contract;

import java.time.OffsetDateTime;

/**
 * A file attached to a report (above all the signed and stamped copy).
 *
 * @param uploadedBy     the uploader's username
 * @param uploadedByName their full name when it was recorded (null on older files)
 */
public record AttachmentView(
        long id,
        int year,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        String uploadedBy,
        String uploadedByName,
        OffsetDateTime uploadedAt) {}
