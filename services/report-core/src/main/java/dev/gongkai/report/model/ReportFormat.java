package dev.gongkai.report.model;

/**
 * The two national formats. Reports on 2021 and later follow 国办公开办函〔2021〕30号; reports on 2019 and 2020
 * follow 国办公开办函〔2019〕60号 and keep their own table 二 keys.
 */
public enum ReportFormat {
    V2021("2021"),
    V2019("2019");

    private final String code;

    ReportFormat(String code) {
        this.code = code;
    }

    /** The value of {@code "format"} in the canonical JSON. */
    public String code() {
        return code;
    }

    public static ReportFormat ofCode(String code) {
        for (ReportFormat format : values()) {
            if (format.code.equals(code)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format: " + code);
    }

    /** The format a report on the given year is written in. */
    public static ReportFormat forYear(int year) {
        return year >= 2021 ? V2021 : V2019;
    }

    public ReportLayout layout() {
        return ReportLayout.of(this);
    }
}
