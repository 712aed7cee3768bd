package dev.gongkai.report.model;

import java.util.List;

/**
 * One column of a table row: its key segment, the national label and the header groups above it (outermost first).
 */
public record TableColumn(String key, String label, List<String> groups, CellType type) {
    public TableColumn {
        groups = List.copyOf(groups);
    }
}
