package dev.gongkai.contract;

/**
 * Why the editor offers a value for a cell of tables 三 and 四 (never written for the clerk): what the rules say the
 * cell must hold, so the offer can say it in words.
 */
public enum OfferedValue {
    /** A total: what its parts add up to (S3_ROW_TOTAL, S3_HANDLED_SUM, S4_TOTAL), 「填入合计 N」. */
    TOTAL,
    /**
     * 结转下年度继续办理 of one column: received + carried over − handled total (S3_BALANCE), 「填入结转 N」; only
     * offered when it is not negative.
     */
    CARRY_FORWARD
}
