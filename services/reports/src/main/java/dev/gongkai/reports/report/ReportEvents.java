package dev.gongkai.reports.report;

import dev.gongkai.contract.ReportChange;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.events.ReportPublished;
import dev.gongkai.platform.events.ReportStatusChanged;
import dev.gongkai.platform.outbox.Outbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes the reports service's events to the outbox, in the transaction of the change that caused them. */
@Component
public class ReportEvents {

    private final Outbox outbox;

    public ReportEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public static String aggregate(Agency agency, int year) {
        return "report:" + agency.slug().value() + ":" + year;
    }

    public void statusChanged(
            Agency agency,
            int year,
            ReportChange change,
            ReportStatus status,
            int revision,
            String actor,
            CheckedReport checked,
            String reason) {
        ReportStatusChanged event = new ReportStatusChanged(
                UUID.randomUUID().toString(),
                agency.slug().value(),
                agency.jurisdiction().value(),
                year,
                change,
                status,
                revision,
                Instant.now(),
                actor,
                checked.errors().size(),
                checked.warnings().size(),
                checked.unexplainedWarnings().size(),
                reason);
        outbox.publish(aggregate(agency, year), event.type(), event);
    }

    /** @param publication the year's publication number ({@link ReportStore#nextPublication}) */
    public void published(
            Agency agency,
            int year,
            int revision,
            int publication,
            Instant publishedAt,
            String actor,
            boolean correction,
            boolean imported,
            String reason,
            String canonicalJson) {
        outbox.publish(
                aggregate(agency, year),
                new ReportPublished(
                        UUID.randomUUID().toString(),
                        agency.slug().value(),
                        agency.jurisdiction().value(),
                        year,
                        revision,
                        publishedAt,
                        actor,
                        correction,
                        imported,
                        reason,
                        canonicalJson,
                        publication));
    }
}
