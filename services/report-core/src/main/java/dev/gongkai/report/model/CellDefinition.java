package dev.gongkai.report.model;

/** Everything the format says about one cell: its stable key, where it sits and what it may hold. */
public record CellDefinition(String key, ReportTable table, TableRow row, TableColumn column) {

    public CellType type() {
        return column.type();
    }

    public Section section() {
        return table.section();
    }

    /**
     * The cell as the national table names it, row then column: "三、(七)总计 · 总计", "第二十条第(五)项 行政许可 ·
     * 本年处理决定数量". The same in both languages, because the tables are the national (Chinese) form; what every
     * page, message and export shows for a cell (see {@code dev.gongkai.report.labels.Labels}).
     */
    public String name() {
        StringBuilder name = new StringBuilder();
        for (String group : row.groups()) {
            // Table 三's results are numbered under their group: "三、本年度办理结果" reads as "三、" before "(七)总计".
            name.append(group.equals(ReportLayout.RESULTS) ? "三、" : group + " ");
        }
        name.append(row.label()).append(" · ");
        for (String group : column.groups()) {
            if (!group.equals(ReportLayout.APPLICANTS)
                    && !group.equals(row.label())
                    && !row.groups().contains(group)) {
                name.append(group).append(' ');
            }
        }
        return name.append(column.label()).toString();
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
