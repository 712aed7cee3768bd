package dev.gongkai.publishing.revisions;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.China;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.report.rules.ReportCycle;
import java.time.Instant;
import java.time.LocalDate;

/** The legal deadline of a report and whether a publication met it, judged on the date in China. */
public final class Deadlines {

    private Deadlines() {}

    /** 31 January of the next year; 31 March for the disclosure office's compiled government report. */
    public static LocalDate of(Agency agency, int year) {
        return ReportCycle.deadline(year, agency.kind() == AgencyKind.DISCLOSURE_OFFICE);
    }

    public static boolean late(Instant publishedAt, LocalDate deadline) {
        return publishedAt.atZone(China.ZONE).toLocalDate().isAfter(deadline);
    }
}
