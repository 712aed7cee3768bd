package dev.gongkai.console.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor's save as the reports service's PATCH reads it: only the members that changed, and a blanked cell sent
 * as null (left out, the cell would keep its number).
 */
class ReportChangesJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void sendsOnlyWhatChangedAndABlankCellAsNull() {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("s3.received.total", new BigDecimal("23"));
        cells.put("s2.fees.amount", null);

        assertThat(json.readTree(json.writeValueAsString(new ReportsClient.Changes(cells, null))))
                .isEqualTo(json.readTree("{\"cells\":{\"s3.received.total\":23,\"s2.fees.amount\":null}}"));
        assertThat(json.writeValueAsString(new ReportsClient.Changes(null, Map.of("s1", "总体情况"))))
                .isEqualTo("{\"narrative\":{\"s1\":\"总体情况\"}}");
    }
}
