package dev.gongkai.publishing.relay;

import dev.gongkai.contract.ReportChange;
import dev.gongkai.platform.events.ReportPublished;
import dev.gongkai.platform.events.ReportStatusChanged;
import dev.gongkai.publishing.cache.PublicationPointer;
import dev.gongkai.publishing.revisions.ProcessedEvents;
import dev.gongkai.publishing.revisions.PublicationRecorder;
import dev.gongkai.publishing.revisions.RejectedEvent;
import dev.gongkai.publishing.revisions.ReportStateProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one event exactly once: the event id is claimed in {@code core.processed_event} in the same transaction
 * as the effect, so a redelivered event finds its claim and changes nothing. What has to happen outside the
 * database (moving the cache pointer) runs after the commit on every delivery, so a redelivery also repairs it.
 */
public class EventHandlers {

    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final ProcessedEvents processed;
    private final PublicationRecorder publications;
    private final ReportStateProjection states;
    private final PublicationPointer pointer;

    public EventHandlers(
            JsonMapper json,
            TransactionTemplate transactions,
            ProcessedEvents processed,
            PublicationRecorder publications,
            ReportStateProjection states,
            PublicationPointer pointer) {
        this.json = json;
        this.transactions = transactions;
        this.processed = processed;
        this.publications = publications;
        this.states = states;
        this.pointer = pointer;
    }

    public void handle(long outboxId, String type, String payload) {
        if (type.equals(ReportPublished.TYPE)) {
            ReportPublished event = json.readValue(payload, ReportPublished.class);
            applyOnce(event.eventId(), type, outboxId, () -> publications.record(event));
            pointer.refresh(event.agency(), event.year());
        } else if (ReportChange.ofEventType(type).isPresent()) {
            ReportStatusChanged event = json.readValue(payload, ReportStatusChanged.class);
            applyOnce(event.eventId(), type, outboxId, () -> states.apply(event));
        } else {
            log.debug("Ignoring event {} of type {}", outboxId, type);
        }
    }

    private void applyOnce(String eventId, String type, long outboxId, Runnable effect) {
        try {
            transactions.executeWithoutResult(status -> {
                if (processed.claim(eventId, type, outboxId)) {
                    effect.run();
                }
            });
        } catch (RejectedEvent e) {
            // Retrying cannot help (unknown agency, unreadable document): record why, and let the entry go.
            log.error("Event {} ({}) rejected: {}", eventId, type, e.getMessage());
            transactions.executeWithoutResult(status -> processed.reject(eventId, type, outboxId, e.getMessage()));
        }
    }
}
