package dev.gongkai.contract;

import java.time.Instant;

/**
 * How often the agencies of a jurisdiction are reminded once the legal deadline has passed: the day after it, then
 * every {@code overdueEveryDays} days until they submit (0: no reminders after the deadline). Before the deadline the
 * steps are fixed (14, 7, 3 and 1 days before). An office sets it for its own jurisdiction; a jurisdiction below
 * without a schedule of its own follows the nearest one above it, and without any the default applies.
 *
 * @param jurisdiction the jurisdiction asked about
 * @param defaults     no office set a schedule for it (or above it): the default applies
 * @param setFor       the jurisdiction whose office set the schedule that applies; null for the default
 * @param updatedByName the full name of who set it (王晓梅), null for the default and for schedules set before names
 *                      were kept
 * @param updatedByAgency the agency they acted for (乌海市政务公开办), null as the name and for schedules set before
 *                      agencies were kept
 */
public record ReminderSchedule(
        String jurisdiction,
        int overdueEveryDays,
        boolean defaults,
        String setFor,
        String updatedBy,
        String updatedByName,
        String updatedByAgency,
        Instant updatedAt) {

    /** A week: often enough that a late agency hears of it, rarely enough not to be ignored. */
    public static final int DEFAULT_EVERY_DAYS = 7;

    /** The longest interval an office may set: a year. */
    public static final int MAX_EVERY_DAYS = 365;

    /**
     * The reminder a report {@code daysLate} past its deadline is due for, as a step (minus the days after the
     * deadline the reminder was due on), or null when none is due: on days 1, 1 + n, 1 + 2n, … after the deadline,
     * and a run that missed such a day sends that reminder on the next (never the ones before it again).
     */
    public Integer overdueStep(long daysLate) {
        if (daysLate < 1 || overdueEveryDays == 0) {
            return null;
        }
        long due = 1 + (daysLate - 1) / overdueEveryDays * overdueEveryDays;
        return (int) -due;
    }
}
