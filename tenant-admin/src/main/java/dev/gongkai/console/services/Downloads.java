package dev.gongkai.console.services;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A service's file (CSV exports, PDFs, attachments) passed through the console: the browser has no token for the services, so the
 * console fetches the file with the user's and hands on its bytes, type and file name unchanged.
 */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<byte[]> proxy(RestClient.RequestHeadersSpec<?> request, String fallbackName) {
        return proxy(request, fallbackName, new MediaType("text", "csv"));
    }

    /** A file of the given type (a PDF, an attachment of any type), handed on as the service sent it. */
    public static ResponseEntity<byte[]> proxy(
            RestClient.RequestHeadersSpec<?> request, String fallbackName, MediaType accept) {
        ResponseEntity<byte[]> answer = request.accept(accept).retrieve().toEntity(byte[].class);
        HttpHeaders headers = new HttpHeaders();
        MediaType type = answer.getHeaders().getContentType();
        headers.setContentType(
                type != null ? type : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        String disposition = answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        headers.set(
                HttpHeaders.CONTENT_DISPOSITION,
                disposition != null ? disposition : "attachment; filename=\"" + fallbackName + "\"");
        headers.setCacheControl("no-store");
        return ResponseEntity.ok().headers(headers).body(answer.getBody());
    }
}
