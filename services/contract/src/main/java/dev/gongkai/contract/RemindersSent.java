package dev.gongkai.contract;

import java.util.List;

/**
 * What a reminder by hand did ({@code POST /api/office/reminders}).
 *
 * @param created  the reminders stored now (none for a repeated request)
 * @param agencies the agencies the request named
 */
public record RemindersSent(int year, int created, List<String> agencies) {}
