package dev.gongkai.publishing.portal;

import org.springframework.http.MediaType;

import java.util.function.Supplier;

/** A public document: its validator, its type, and its bytes, produced only when the client lacks them. */
record Served(String etag, MediaType type, String filename, Supplier<byte[]> body) {
}
