package dev.gongkai.contract;

/**
 * The office-admin's schedule for reminders after the deadline ({@code PUT /api/office/reminder-schedule}).
 *
 * @param jurisdiction which of the caller's jurisdictions; null when they have one
 * @param overdueEveryDays days between reminders after the deadline (0: none); null is refused with the field named
 */
public record ReminderScheduleRequest(String jurisdiction, Integer overdueEveryDays) {}
