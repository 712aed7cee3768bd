package dev.gongkai.contract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A review comment on a report, anchored to a cell key or a section key, as the reports service answers with it;
 * a thread's first comment carries its replies (threads are one level deep).
 *
 * @param author       the author's username
 * @param authorName   their full name in Chinese order (王晓梅), null on comments written before names were kept
 * @param authorAgency the agency they wrote for (the office, for the office's staff), null likewise
 * @param resolvedAt   when the agency's editor marked it dealt with; null while it is open
 * @param replies      the replies to a thread's first comment, oldest first; empty on a reply
 */
public record CommentView(
        long id,
        String anchor,
        String body,
        String author,
        String authorName,
        String authorAgency,
        boolean fromOffice,
        OffsetDateTime createdAt,
        OffsetDateTime resolvedAt,
        String resolvedBy,
        List<CommentView> replies) {

    /** Not resolved yet. */
    public boolean open() {
        return resolvedAt == null;
    }
}
