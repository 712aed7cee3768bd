package dev.gongkai.reports.report;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;

/** A report's ETag is its revision; {@code If-Match} must name the revision the client edited. */
public final class Etags {

    private Etags() {}

    public static String of(int revision) {
        return "\"r" + revision + "\"";
    }

    /** The revision an {@code If-Match} header names; 428 when missing, 400 when unreadable. */
    public static int revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemCode.REPORT_IF_MATCH_REQUIRED).atField("If-Match");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        if (value.startsWith("r")) {
            value = value.substring(1);
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ApiException(ProblemCode.REPORT_IF_MATCH_INVALID, ifMatch).atField("If-Match");
        }
    }
}
