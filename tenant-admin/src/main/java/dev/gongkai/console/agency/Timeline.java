package dev.gongkai.console.agency;

import dev.gongkai.console.shell.Words;
import dev.gongkai.contract.AuditEntryView;
import dev.gongkai.contract.RevisionView;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The history of a report as a person tells it: editing sessions (one author's saves with no pause over
 * {@link #PAUSE}, however many autosaves they made) and the workflow's events (提请签发, 报送, 退回, 通过, 发布, 更正,
 * import) in one timeline, newest first.
 */
final class Timeline {

    static final Duration PAUSE = Duration.ofMinutes(30);

    /**
     * One line: a session ({@code action} null, revisions {@code from}–{@code to}) or an event ({@code action} the
     * workflow action's code, or "create" / "import"), by {@code actor} (a username), whom people read as {@code by}
     * (王晓梅（乌海市政务公开办）).
     */
    record Item(
            String action,
            String actor,
            String by,
            OffsetDateTime start,
            OffsetDateTime end,
            int from,
            int to,
            String reason) {
        public boolean session() {
            return action == null;
        }
    }

    private Timeline() {}

    static List<Item> of(List<RevisionView> revisions, List<AuditEntryView> audit, Words words) {
        List<Item> items = new ArrayList<>();
        List<RevisionView> saved = new ArrayList<>(revisions);
        saved.sort(Comparator.comparingInt(RevisionView::revision));
        Item open = null;
        for (RevisionView revision : saved) {
            int number = revision.revision();
            String author = revision.author() == null ? "" : revision.author();
            OffsetDateTime at = revision.createdAt();
            if (open != null
                    && open.actor().equals(author)
                    && Duration.between(open.end(), at).compareTo(PAUSE) <= 0) {
                open = new Item(null, author, open.by(), open.start(), at, open.from(), number, null);
                items.set(items.size() - 1, open);
            } else {
                open = new Item(
                        null,
                        author,
                        words.person(revision.authorName(), revision.authorAgency(), author),
                        at,
                        at,
                        number,
                        number,
                        null);
                items.add(open);
            }
        }
        for (AuditEntryView entry : audit) {
            String action = entry.action() == null ? "" : entry.action();
            if (!action.startsWith("report.") || action.equals("report.edit")) {
                continue;
            }
            String actor = entry.actor() == null ? "" : entry.actor();
            items.add(new Item(
                    action.substring("report.".length()),
                    actor,
                    words.person(entry.actorName(), entry.actorAgency(), actor),
                    entry.at(),
                    entry.at(),
                    0,
                    0,
                    entry.reason()));
        }
        // Newest first; at the same moment the event after the session that led to it.
        items.sort(Comparator.comparing(Item::end)
                .thenComparing((Item item) -> !item.session())
                .reversed());
        return items;
    }
}
