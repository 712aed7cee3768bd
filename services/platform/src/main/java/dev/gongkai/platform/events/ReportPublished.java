package dev.gongkai.platform.events;

import java.time.Instant;

/**
 * The office published a report, or a correction of it. The publishing service builds an immutable published
 * revision from this event alone (the document travels with it), so a later edit can never change what was
 * published. Consumers are idempotent on {@code eventId}.
 *
 * @param eventId      unique per event (a UUID)
 * @param agency       the agency's slug
 * @param jurisdiction the agency's jurisdiction slug
 * @param year         the report year
 * @param revision     the report revision that was published
 * @param publishedAt  the publication time (the law's deadline is judged against it)
 * @param actor        who published (username)
 * @param correction   true when this publication corrects an earlier one
 * @param imported     true for a report published elsewhere before the agency used Gongkai (office onboarding):
 *                     {@code publishedAt} is then the date the report itself carries
 * @param reason       the correction's reason, else null
 * @param document     the report as canonical JSON (see the spec)
 * @param publication  the publication's number in the year, from the reports service's own sequence: 1 for the first,
 *                     then one more per correction. Consumers number and order the published revisions by it, never
 *                     by arrival (0 in events written before it existed: numbered on arrival)
 */
public record ReportPublished(
        String eventId,
        String agency,
        String jurisdiction,
        int year,
        int revision,
        Instant publishedAt,
        String actor,
        boolean correction,
        boolean imported,
        String reason,
        String document,
        int publication)
        implements ReportEvent {

    public static final String TYPE = "ReportPublished";

    @Override
    public String type() {
        return TYPE;
    }
}
