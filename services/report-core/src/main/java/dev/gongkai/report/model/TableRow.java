package dev.gongkai.report.model;

import java.util.List;

/**
 * One row of a table: {@code key} is the row's key prefix ("s3.denied.stateSecret"), {@code label} its national
 * label, {@code groups} the spanning labels to its left (outermost first), {@code columns} its cells.
 */
public record TableRow(String key, String label, List<String> groups, List<TableColumn> columns) {
    public TableRow {
        groups = List.copyOf(groups);
        columns = List.copyOf(columns);
    }

    public String cellKey(TableColumn column) {
        return key + "." + column.key();
    }

    public String cellKey(String columnKey) {
        return key + "." + columnKey;
    }
}
