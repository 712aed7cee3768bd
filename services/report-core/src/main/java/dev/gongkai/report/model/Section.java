package dev.gongkai.report.model;

/** The six sections of the national format, by their stable keys. */
public enum Section {
    S1("s1", "一、总体情况", "General situation", Kind.NARRATIVE),
    S2("s2", "二、主动公开政府信息情况", "Proactive disclosure", Kind.TABLE),
    S3("s3", "三、收到和处理政府信息公开申请情况", "Applications received and handled", Kind.TABLE),
    S4("s4", "四、政府信息公开行政复议、行政诉讼情况", "Administrative reviews and lawsuits", Kind.TABLE),
    S5("s5", "五、存在的主要问题及改进情况", "Main problems and improvements", Kind.NARRATIVE),
    S6("s6", "六、其他需要报告的事项", "Other matters to report", Kind.NARRATIVE);

    public enum Kind {
        NARRATIVE,
        TABLE
    }

    private final String key;
    private final String titleZh;
    private final String titleEn;
    private final Kind kind;

    Section(String key, String titleZh, String titleEn, Kind kind) {
        this.key = key;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    public Kind kind() {
        return kind;
    }

    public static Section ofKey(String key) {
        for (Section section : values()) {
            if (section.key.equals(key)) {
                return section;
            }
        }
        throw new IllegalArgumentException("unknown section: " + key);
    }

    /** The narrative sections, in order. */
    public static final java.util.List<Section> NARRATIVES = java.util.List.of(S1, S5, S6);
}
