package dev.gongkai.publishing.relay;

/**
 * The Redis stream the outbox is relayed to ({@code gongkai:events}, fields {@code id, type, aggregate, payload})
 * and this service's consumer group on it. Both names are settings so that test runs sharing a Redis keep apart.
 */
public record EventStream(String key, String group) {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String AGGREGATE = "aggregate";
    static final String PAYLOAD = "payload";

    /** Entries that failed too often, with their fields, attempts and last error ({@code <key>:dead}). */
    public String deadLetters() {
        return key + ":dead";
    }

    /** The last error of each pending entry that failed, by entry id, until it is acknowledged or buried. */
    String failures() {
        return key + ":" + group + ":failures";
    }
}
