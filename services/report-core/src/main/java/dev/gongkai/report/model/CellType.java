package dev.gongkai.report.model;

/** What a cell may hold. */
public enum CellType {
    /** An integer ≥ 0. */
    COUNT,
    /** An integer that may be negative (2019 format: 本年增/减). */
    SIGNED_COUNT,
    /** A decimal ≥ 0 with at most six decimals (万元 to the fen). */
    AMOUNT,
    /** Text as written, unit included (2019 format: 采购总金额). */
    TEXT
}
