package dev.gongkai.reports.report;

import dev.gongkai.platform.error.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** A report's ETag is its revision; {@code If-Match} must name the revision the client edited. */
public final class Etags {

    private Etags() {
    }

    public static String of(int revision) {
        return "\"r" + revision + "\"";
    }

    /** The revision an {@code If-Match} header names; 428 when missing, 400 when unreadable. */
    public static int revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "report.if-match.required",
                    "修改报告须带 If-Match 请求头（取自上次读取时的 ETag），以免覆盖他人的修改",
                    "Changing a report needs an If-Match header (the ETag you read) so nobody's edit is overwritten",
                    Map.of("field", "If-Match"));
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
            throw new ApiException(HttpStatus.BAD_REQUEST, "report.if-match.invalid",
                    "If-Match 请求头不是本报告的 ETag：" + ifMatch, "The If-Match header is not a report ETag: " + ifMatch,
                    Map.of("field", "If-Match"));
        }
    }
}
