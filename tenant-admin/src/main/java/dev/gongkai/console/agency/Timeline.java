package dev.gongkai.console.agency;

import dev.gongkai.console.shell.Words;
import tools.jackson.databind.JsonNode;

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
    record Item(String action, String actor, String by, OffsetDateTime start, OffsetDateTime end, int from, int to,
                String reason) {
        public boolean session() {
            return action == null;
        }
    }

    private Timeline() {
    }

    static List<Item> of(JsonNode revisions, JsonNode audit, Words words) {
        List<Item> items = new ArrayList<>();
        List<JsonNode> saved = new ArrayList<>();
        revisions.forEach(saved::add);
        saved.sort(Comparator.comparingInt(r -> r.path("revision").asInt()));
        Item open = null;
        for (JsonNode revision : saved) {
            int number = revision.path("revision").asInt();
            String author = revision.path("author").asString("");
            OffsetDateTime at = OffsetDateTime.parse(revision.path("createdAt").asString());
            if (open != null && open.actor().equals(author) && Duration.between(open.end(), at).compareTo(PAUSE) <= 0) {
                open = new Item(null, author, open.by(), open.start(), at, open.from(), number, null);
                items.set(items.size() - 1, open);
            } else {
                open = new Item(null, author, words.person(revision.path("authorName").asString(null),
                        revision.path("authorAgency").asString(null), author), at, at, number, number, null);
                items.add(open);
            }
        }
        for (JsonNode entry : audit) {
            String action = entry.path("action").asString("");
            if (!action.startsWith("report.") || action.equals("report.edit")) {
                continue;
            }
            OffsetDateTime at = OffsetDateTime.parse(entry.path("at").asString());
            String reason = entry.path("after").path("reason").asString(null);
            String actor = entry.path("actor").asString("");
            items.add(new Item(action.substring("report.".length()), actor, words.person(
                    entry.path("actorName").asString(null), entry.path("actorAgency").asString(null), actor),
                    at, at, 0, 0, reason));
        }
        // Newest first; at the same moment the event after the session that led to it.
        items.sort(Comparator.comparing(Item::end).thenComparing((Item item) -> !item.session()).reversed());
        return items;
    }
}
