package dev.gongkai.publishing.revisions;

import static dev.gongkai.platform.jooq.core.Tables.PROCESSED_EVENT;

import org.jooq.DSLContext;

/** The idempotency record of the event handlers ({@code core.processed_event}). */
public class ProcessedEvents {

    private final DSLContext dsl;

    public ProcessedEvents(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Claims the event inside the caller's transaction: true the first time, false if it was handled before. A
     * concurrent claim of the same id waits on the primary key until the other transaction ends.
     */
    public boolean claim(String eventId, String type, long outboxId) {
        return dsl.insertInto(PROCESSED_EVENT)
                        .set(PROCESSED_EVENT.EVENT_ID, eventId)
                        .set(PROCESSED_EVENT.TYPE, type)
                        .set(PROCESSED_EVENT.OUTBOX_ID, outboxId)
                        .set(PROCESSED_EVENT.OUTCOME, "APPLIED")
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    public void reject(String eventId, String type, long outboxId, String detail) {
        dsl.insertInto(PROCESSED_EVENT)
                .set(PROCESSED_EVENT.EVENT_ID, eventId)
                .set(PROCESSED_EVENT.TYPE, type)
                .set(PROCESSED_EVENT.OUTBOX_ID, outboxId)
                .set(PROCESSED_EVENT.OUTCOME, "REJECTED")
                .set(PROCESSED_EVENT.DETAIL, detail)
                .onConflictDoNothing()
                .execute();
    }
}
