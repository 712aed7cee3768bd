package dev.gongkai.report.imports;

/**
 * The input cannot be read as a report at all: not a report, a scanned PDF without a text layer, a damaged or
 * oversized file. Carries a reason in Chinese and English and a stable code. A report that is merely partial is
 * not this: it imports with findings.
 */
public final class UnreadableReportException extends Exception {

    private final String code;
    private final String messageZh;

    public UnreadableReportException(String code, String messageZh, String messageEn) {
        super(messageEn);
        this.code = code;
        this.messageZh = messageZh;
    }

    public UnreadableReportException(String code, String messageZh, String messageEn, Throwable cause) {
        super(messageEn, cause);
        this.code = code;
        this.messageZh = messageZh;
    }

    /** A stable machine code: {@code NOT_A_REPORT}, {@code NO_TEXT_LAYER}, {@code DAMAGED}, {@code TOO_LARGE}, … */
    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }
}
