package dev.gongkai.publishing.revisions;

/** An event that can never be applied (unknown agency, unreadable document); retrying would not help. */
public class RejectedEvent extends RuntimeException {

    public RejectedEvent(String message) {
        super(message);
    }
}
