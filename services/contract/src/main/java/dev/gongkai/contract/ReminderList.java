package dev.gongkai.contract;

import java.util.List;

/**
 * The reminders of a year ({@code GET /api/office/notifications}: of the office's jurisdictions, or one agency's),
 * newest first as the service lists them.
 *
 * @param year null when the agency asked for every year
 */
public record ReminderList(Integer year, List<ReminderView> notifications) {}
