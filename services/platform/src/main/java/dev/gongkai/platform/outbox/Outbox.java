package dev.gongkai.platform.outbox;

import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a domain event in {@code core.outbox} as part of the caller's transaction, so the event exists if and only
 * if the change does. A relay forwards rows to Redis later; if Redis is down, events wait here.
 */
public class Outbox {

    private final DSLContext dsl;
    private final JsonMapper json;

    public Outbox(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /**
     * @param aggregate what changed, e.g. {@code agency:wuhai-psb}
     * @param event     a record; its simple class name is the event type
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String aggregate, Record event) {
        publish(aggregate, event.getClass().getSimpleName(), event);
    }

    /** As {@link #publish(String, Record)}, for a payload shared by several event types. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String aggregate, String type, Record event) {
        dsl.insertInto(OUTBOX)
                .set(OUTBOX.AGGREGATE, aggregate)
                .set(OUTBOX.TYPE, type)
                .set(OUTBOX.PAYLOAD, JSONB.valueOf(json.writeValueAsString(event)))
                .execute();
    }
}
