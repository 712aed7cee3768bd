package dev.gongkai.publishing.portal;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/**
 * A public document: its validator, its type, how a browser should treat it ({@code null} for a page shown as it
 * is), whether its bytes are gzip-compressed, and its bytes, produced only when the client lacks them.
 */
record Served(String etag, MediaType type, ContentDisposition disposition, boolean gzipped, Supplier<byte[]> body) {

    /** A file shown in the browser under its name (PDF, JSON). */
    static ContentDisposition shown(String filename) {
        return ContentDisposition.inline()
                .filename(filename, StandardCharsets.UTF_8)
                .build();
    }

    /** A file the browser saves (CSV, zip). */
    static ContentDisposition saved(String filename) {
        return ContentDisposition.attachment()
                .filename(filename, StandardCharsets.UTF_8)
                .build();
    }
}
