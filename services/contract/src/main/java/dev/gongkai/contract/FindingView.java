package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A finding of the report core as the API shows it: with its stable {@code id} and the agency's explanation. */
public record FindingView(
        String id,
        String rule,
        String severity,
        List<String> cells,
        @JsonProperty("message_zh") String messageZh,
        @JsonProperty("message_en") String messageEn,
        String explanation) {}
