package dev.gongkai.reports.report;

import dev.gongkai.platform.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a request body up to a limit, refusing (413) rather than buffering whatever a client sends: Spring's
 * {@code @RequestBody byte[]} would read a body of any size into memory first.
 */
public final class Bodies {

    private Bodies() {
    }

    public static byte[] read(HttpServletRequest request, int maxBytes, String limitZh, String limitEn) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes, limitZh, limitEn);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes, limitZh, limitEn);
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("request.body.unreadable", "无法读取请求内容", "The request body cannot be read");
        }
    }

    private static ApiException tooLarge(int maxBytes, String limitZh, String limitEn) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "request.too-large",
                "请求内容超过 " + limitZh + "，未保存任何内容", "The body is larger than " + limitEn + "; nothing was saved",
                Map.of("field", "body", "limit_bytes", maxBytes));
    }
}
