package dev.gongkai.contract;

import java.time.OffsetDateTime;

/**
 * One saved revision of a report (every save writes one).
 *
 * @param author       the username of who saved it
 * @param authorName   their full name, null on revisions written before names were kept
 * @param authorAgency the agency they acted for, null likewise
 */
public record RevisionView(
        int revision, String author, String authorName, String authorAgency, OffsetDateTime createdAt) {}
