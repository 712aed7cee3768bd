package dev.gongkai.contract;

import java.util.EnumSet;
import java.util.Set;

/** Where a report is in its lifecycle (see ARCHITECTURE.md). */
public enum ReportStatus {
    DRAFT,
    PENDING_SIGNOFF,
    SUBMITTED,
    RETURNED,
    APPROVED,
    PUBLISHED;

    /** The agency may change the document only in these; a submitted report is frozen until it is returned. */
    public static final Set<ReportStatus> EDITABLE = EnumSet.of(DRAFT, RETURNED);

    public boolean editable() {
        return EDITABLE.contains(this);
    }
}
