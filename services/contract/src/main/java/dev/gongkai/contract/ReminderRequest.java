package dev.gongkai.contract;

/**
 * The office's reminder by hand ({@code POST /api/office/reminders}).
 *
 * @param agency  the one agency to remind (it must not have submitted), or
 * @param allLate every agency whose deadline has passed without a submission
 */
public record ReminderRequest(Integer year, String agency, Boolean allLate) {

    /** A reminder to one agency. */
    public static ReminderRequest to(int year, String agency) {
        return new ReminderRequest(year, agency, null);
    }

    /** A reminder to every late agency. */
    public static ReminderRequest toAllLate(int year) {
        return new ReminderRequest(year, null, true);
    }
}
