package dev.gongkai.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

class MicrometerCacheMetrics implements CacheMetrics {

    static final String NAME = "gongkai.cache.requests";

    private final MeterRegistry registry;

    MicrometerCacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void record(String cache, Result result) {
        // The registry keeps one counter per (cache, result) pair; looking it up is a map access.
        Counter.builder(NAME)
                .description("Cache lookups by cache and result (hit, miss, error)")
                .tag("cache", cache)
                .tag("result", result.tag())
                .register(registry)
                .increment();
    }
}
