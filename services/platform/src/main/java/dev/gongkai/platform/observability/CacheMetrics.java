package dev.gongkai.platform.observability;

/**
 * What a cache tells the metrics: one call per lookup. Published as the counter {@code gongkai.cache.requests}
 * with tags {@code cache} (a fixed name chosen by the code, never a key) and {@code result} ({@code hit},
 * {@code miss}, {@code error}); the hit ratio is {@code hit / (hit + miss)} over a window.
 */
public interface CacheMetrics {

    /** For code and tests that run without a meter registry. */
    CacheMetrics NONE = (cache, result) -> {};

    void record(String cache, Result result);

    default void hit(String cache) {
        record(cache, Result.HIT);
    }

    default void miss(String cache) {
        record(cache, Result.MISS);
    }

    /** The cache could not be asked (e.g. Redis away); the caller went to the source. */
    default void error(String cache) {
        record(cache, Result.ERROR);
    }

    enum Result {
        HIT,
        MISS,
        ERROR;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
