package dev.gongkai.contract;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One entry of an agency's audit trail (its hash chain) as the reports service answers with it.
 *
 * @param actor       the username of who acted
 * @param actorName   their full name, null on entries written before names were kept
 * @param actorAgency the agency they acted for, null likewise
 * @param action      what was done, as the trail records it: {@code report.submit}, {@code report.edit},
 *                    {@code attachment.add}, {@code comment.reply} …
 * @param target      what it was done to: {@code report/2025}, {@code report/2025/attachment/3} …
 * @param before      what the entry records of the state before (its members depend on the action), null when
 *                    nothing was there
 * @param after       likewise after: {@code reason} of a return or correction, {@code fileName} of an attachment,
 *                    {@code cells} an edit changed …
 */
public record AuditEntryView(
        long id,
        OffsetDateTime at,
        String actor,
        String actorName,
        String actorAgency,
        String action,
        String target,
        Map<String, Object> before,
        Map<String, Object> after,
        String hash) {

    /** The reason the entry records (of a return or a correction), else null. */
    public String reason() {
        return text(after, "reason");
    }

    /** The file the entry concerns (an attachment added or removed), else null. */
    public String fileName() {
        String added = text(after, "fileName");
        return added != null ? added : text(before, "fileName");
    }

    /** How many cells the entry's {@code after} names: those an edit changed, or a new draft carried over. */
    public int cellCount() {
        return after != null && after.get("cells") instanceof Map<?, ?> cells ? cells.size() : 0;
    }

    private static String text(Map<String, Object> members, String name) {
        return members != null && members.get(name) instanceof String text ? text : null;
    }
}
