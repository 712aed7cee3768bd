package dev.gongkai.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces the rule that the agency is a tag only where its cardinality is bounded: every meter name may carry at
 * most {@code limit} distinct {@value #TAG} values in one process; later agencies are counted under
 * {@value #OTHER}. A code change that puts the agency on a per-request meter therefore cannot blow up Prometheus,
 * it only makes that tag useless (and the rule in docs/observability.md says not to).
 */
class AgencyTagLimit implements MeterFilter {

    static final String TAG = LogFields.AGENCY;
    static final String OTHER = "_other";

    private final int limit;
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();

    AgencyTagLimit(int limit) {
        this.limit = limit;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String agency = id.getTag(TAG);
        if (agency == null) {
            return id;
        }
        Set<String> values = seen.computeIfAbsent(id.getName(), name -> ConcurrentHashMap.newKeySet());
        if (values.contains(agency)) {
            return id;
        }
        synchronized (values) {
            if (values.size() < limit) {
                values.add(agency);
                return id;
            }
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            tags.add(TAG.equals(tag.getKey()) ? Tag.of(TAG, OTHER) : tag);
        }
        return id.replaceTags(tags);
    }
}
