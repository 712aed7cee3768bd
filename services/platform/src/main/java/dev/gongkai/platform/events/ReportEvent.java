package dev.gongkai.platform.events;

/**
 * What the reports service announces about a report, through the outbox. Sealed: a consumer's {@code switch} over
 * the family is checked by the compiler.
 */
public sealed interface ReportEvent permits ReportStatusChanged, ReportPublished {

    /** Unique per event (a UUID), the consumers' idempotency key. */
    String eventId();

    /** The agency's slug. */
    String agency();

    int year();

    /** The outbox event type. */
    String type();
}
