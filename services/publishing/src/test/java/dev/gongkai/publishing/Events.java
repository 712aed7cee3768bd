package dev.gongkai.publishing;

import dev.gongkai.contract.ReportChange;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.events.ReportPublished;
import dev.gongkai.platform.events.ReportStatusChanged;
import dev.gongkai.platform.outbox.Outbox;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.publishing.relay.EventConsumer;
import dev.gongkai.publishing.relay.OutboxRelay;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes events into the outbox exactly as the reports service does, and pumps them through Redis. */
@TestComponent
public class Events {

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final OutboxRelay relay;
    private final EventConsumer consumer;
    private final Map<String, Integer> publications = new ConcurrentHashMap<>();

    Events(Outbox outbox, TransactionTemplate transactions, OutboxRelay relay, EventConsumer consumer) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.relay = relay;
        this.consumer = consumer;
    }

    public ReportPublished published(ManagedAgency agency, int year, String document, Instant at) {
        return write(
                agency,
                new ReportPublished(
                        UUID.randomUUID().toString(),
                        agency.slug().value(),
                        agency.jurisdiction().value(),
                        year,
                        3,
                        at,
                        "office-admin",
                        false,
                        false,
                        null,
                        document,
                        nextPublication(agency, year)));
    }

    public ReportPublished corrected(ManagedAgency agency, int year, String document, Instant at, String reason) {
        return write(
                agency,
                new ReportPublished(
                        UUID.randomUUID().toString(),
                        agency.slug().value(),
                        agency.jurisdiction().value(),
                        year,
                        5,
                        at,
                        "office-admin",
                        true,
                        false,
                        reason,
                        document,
                        nextPublication(agency, year)));
    }

    /** The year's next publication number, as the reports service counts them. */
    private int nextPublication(ManagedAgency agency, int year) {
        return publications.merge(agency.slug().value() + "/" + year, 1, Integer::sum);
    }

    public ReportStatusChanged status(ManagedAgency agency, int year, String action, String status, Instant at) {
        ReportStatusChanged event = new ReportStatusChanged(
                UUID.randomUUID().toString(),
                agency.slug().value(),
                agency.jurisdiction().value(),
                year,
                change(action),
                ReportStatus.valueOf(status),
                2,
                at,
                "editor",
                0,
                1,
                0,
                null);
        return write(agency, event.type(), event);
    }

    /** A change with the counts the reports service found on the report at that revision. */
    public ReportStatusChanged status(
            ManagedAgency agency,
            int year,
            String action,
            String status,
            int revision,
            Instant at,
            int errors,
            int warnings,
            int unexplainedWarnings) {
        ReportStatusChanged event = new ReportStatusChanged(
                UUID.randomUUID().toString(),
                agency.slug().value(),
                agency.jurisdiction().value(),
                year,
                change(action),
                ReportStatus.valueOf(status),
                revision,
                at,
                "editor",
                errors,
                warnings,
                unexplainedWarnings,
                null);
        return write(agency, event.type(), event);
    }

    private static ReportChange change(String code) {
        return Arrays.stream(ReportChange.values())
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    public <E extends Record> E write(ManagedAgency agency, E event) {
        return write(agency, event.getClass().getSimpleName(), event);
    }

    private <E extends Record> E write(ManagedAgency agency, String type, E event) {
        transactions.executeWithoutResult(s -> outbox.publish("agency:" + agency.slug(), type, event));
        return event;
    }

    /** Relays the outbox and consumes the stream until both are empty. */
    public void pump() {
        relay.relayPending();
        consumer.consumeAvailable();
    }
}
