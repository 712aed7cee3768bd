package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether an agency's audit trail is intact: its hash chain walked whole, and checked against the checkpoint the
 * platform keeps of it.
 *
 * @param entries    how many entries the chain holds
 * @param brokenAt   the first entry that fails (or the checkpoint's entry when the chain was cut short), else null
 * @param problem    {@code link}, {@code content}, {@code truncated} or {@code checkpoint}, else null
 * @param anchoredAt the entry the agency's checkpoint vouches for, null before the first checkpoint
 */
public record AuditVerification(
        boolean intact,
        int entries,
        Long brokenAt,
        String problem,
        Long anchoredAt,
        @JsonProperty("message_zh") String messageZh,
        @JsonProperty("message_en") String messageEn) {}
