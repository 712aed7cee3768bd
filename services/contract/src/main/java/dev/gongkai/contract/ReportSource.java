package dev.gongkai.contract;

/** Where a report's content came from. */
public enum ReportSource {
    /** Drafted in Gongkai. */
    DRAFTED,
    /** Published elsewhere before the agency used Gongkai, imported by the office (onboarding). */
    IMPORTED
}
