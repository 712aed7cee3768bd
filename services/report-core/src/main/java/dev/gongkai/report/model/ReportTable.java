package dev.gongkai.report.model;

import java.util.List;

/** One of the tables 二, 三, 四 of a format, row by row in the national order. */
public record ReportTable(Section section, String keyPrefix, List<TableRow> rows) {
    public ReportTable {
        rows = List.copyOf(rows);
    }

    public TableRow row(String key) {
        return rows.stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + key + " in " + keyPrefix));
    }
}
