package dev.gongkai.publishing.reminders;

import static dev.gongkai.platform.jooq.core.Tables.REMINDER_SCHEDULE;

import dev.gongkai.contract.ReminderSchedule;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.jooq.core.tables.records.ReminderScheduleRecord;
import dev.gongkai.platform.tenancy.Actor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** The offices' reminder schedules, one per jurisdiction, in {@code core.reminder_schedule}. */
class ReminderSchedules {

    private final DSLContext dsl;
    private final AgencyRegistry registry;

    ReminderSchedules(DSLContext dsl, AgencyRegistry registry) {
        this.dsl = dsl;
        this.registry = registry;
    }

    /** Every stored schedule, to resolve a whole run's jurisdictions with one query. */
    Map<String, ReminderScheduleRecord> stored() {
        return dsl.selectFrom(REMINDER_SCHEDULE).fetchMap(REMINDER_SCHEDULE.JURISDICTION_SLUG);
    }

    ReminderSchedule of(Jurisdiction jurisdiction) {
        return of(jurisdiction, stored());
    }

    /** The jurisdiction's own schedule, else the nearest one above it, else the default. */
    ReminderSchedule of(Jurisdiction jurisdiction, Map<String, ReminderScheduleRecord> stored) {
        Set<JurisdictionSlug> seen = new HashSet<>();
        Optional<Jurisdiction> at = Optional.of(jurisdiction);
        while (at.isPresent() && seen.add(at.get().slug())) {
            ReminderScheduleRecord r = stored.get(at.get().slug().value());
            if (r != null) {
                return new ReminderSchedule(
                        jurisdiction.slug().value(),
                        r.getOverdueEveryDays(),
                        false,
                        r.getJurisdictionSlug(),
                        r.getUpdatedBy(),
                        r.getUpdatedByName(),
                        r.getUpdatedByAgency(),
                        r.getUpdatedAt().toInstant());
            }
            at = Optional.ofNullable(at.get().parent()).flatMap(registry::findJurisdiction);
        }
        return new ReminderSchedule(
                jurisdiction.slug().value(), ReminderSchedule.DEFAULT_EVERY_DAYS, true, null, null, null, null, null);
    }

    ReminderSchedule save(Jurisdiction jurisdiction, Integer overdueEveryDays, Actor by) {
        if (overdueEveryDays == null || overdueEveryDays < 0 || overdueEveryDays > ReminderSchedule.MAX_EVERY_DAYS) {
            throw new ApiException(ProblemCode.REMINDER_SCHEDULE_INVALID).atField("overdueEveryDays");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(REMINDER_SCHEDULE)
                .set(REMINDER_SCHEDULE.JURISDICTION_SLUG, jurisdiction.slug().value())
                .set(REMINDER_SCHEDULE.OVERDUE_EVERY_DAYS, overdueEveryDays)
                .set(REMINDER_SCHEDULE.UPDATED_BY, by.username())
                .set(REMINDER_SCHEDULE.UPDATED_BY_NAME, by.name())
                .set(REMINDER_SCHEDULE.UPDATED_BY_AGENCY, by.agency())
                .set(REMINDER_SCHEDULE.UPDATED_AT, now)
                .onConflict(REMINDER_SCHEDULE.JURISDICTION_SLUG)
                .doUpdate()
                .set(REMINDER_SCHEDULE.OVERDUE_EVERY_DAYS, overdueEveryDays)
                .set(REMINDER_SCHEDULE.UPDATED_BY, by.username())
                .set(REMINDER_SCHEDULE.UPDATED_BY_NAME, by.name())
                .set(REMINDER_SCHEDULE.UPDATED_BY_AGENCY, by.agency())
                .set(REMINDER_SCHEDULE.UPDATED_AT, now)
                .execute();
        return of(jurisdiction);
    }
}
