package dev.gongkai.report.model;

/** Everything the format says about one cell: its stable key, where it sits and what it may hold. */
public record CellDefinition(String key, ReportTable table, TableRow row, TableColumn column) {

    public CellType type() {
        return column.type();
    }

    public Section section() {
        return table.section();
    }

    /** A label a reader recognises: "(三)不予公开 1.属于国家秘密 / 自然人". */
    public String labelZh() {
        StringBuilder label = new StringBuilder();
        for (String group : row.groups()) {
            if (!group.startsWith("第二十条") && !group.startsWith("三、本年度")) {
                label.append(group).append(' ');
            }
        }
        label.append(row.label()).append(" / ");
        for (String group : column.groups()) {
            if (!group.equals("申请人情况")) {
                label.append(group).append(' ');
            }
        }
        return label.append(column.label()).toString();
    }
}
