package dev.gongkai.reports.report;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit, refusing (413) rather than buffering whatever a client sends: Spring's
 * {@code @RequestBody byte[]} would read a body of any size into memory first.
 */
public final class Bodies {

    private Bodies() {}

    public static byte[] read(HttpServletRequest request, int maxBytes, String limit) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes, limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes, limit);
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(ProblemCode.REQUEST_BODY_UNREADABLE);
        }
    }

    private static ApiException tooLarge(int maxBytes, String limit) {
        return new ApiException(ProblemCode.REQUEST_TOO_LARGE, limit)
                .atField("body")
                .with("limit_bytes", maxBytes);
    }
}
