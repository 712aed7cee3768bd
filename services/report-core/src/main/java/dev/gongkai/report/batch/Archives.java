package dev.gongkai.report.batch;

import dev.gongkai.report.imports.ReportReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reading a zip archive into {@link Document}s within bounds a zip bomb cannot get past: the entries are counted and
 * the bytes of each entry and of all of them are counted as they are inflated (never trusted from the headers). The
 * one way an archive held in memory is opened: the office's uploaded zip, and an archive inside an archive in a batch.
 * Names are decoded as zip tools on Chinese Windows (GBK) and elsewhere (UTF-8) write them; hidden files and other
 * systems' litter are skipped (they still count as entries).
 */
public final class Archives {

    /**
     * @param entries    the most entries (files, folders and litter alike)
     * @param entryBytes the most bytes one entry inflates to
     * @param totalBytes the most bytes all entries inflate to together
     */
    public record Limits(int entries, long entryBytes, long totalBytes) {

        /** For an archive read in memory: a city's archive of reports fits many times over. */
        public static final Limits IN_MEMORY = new Limits(1_000, ReportReader.MAX_BYTES, 256L * 1024 * 1024);

        public Limits {
            if (entries < 0 || entryBytes < 0 || totalBytes < 0) {
                throw new IllegalArgumentException("limits are not negative");
            }
        }
    }

    /** Which of the limits an archive went past. */
    public enum Bound {
        ENTRIES,
        ENTRY_BYTES,
        TOTAL_BYTES
    }

    /** The archive goes past its limits; nothing of it is kept. */
    public static final class TooLarge extends Exception {

        private final Bound bound;
        private final String entry;
        private final transient Limits limits;

        TooLarge(Bound bound, String entry, Limits limits) {
            super(bound + (entry == null ? "" : " at " + entry), null, false, false);
            this.bound = bound;
            this.entry = entry;
            this.limits = limits;
        }

        public Bound bound() {
            return bound;
        }

        /** The entry being inflated when a byte limit was passed; null for {@link Bound#ENTRIES}. */
        public String entry() {
            return entry;
        }

        public Limits limits() {
            return limits;
        }
    }

    private Archives() {}

    /**
     * The files of the zip in its order, each named by its path inside the zip. A stream that is not a zip gives no
     * documents; a damaged one an {@link IOException} ({@link java.util.zip.ZipException} for a damaged structure).
     */
    public static List<Document> unzip(InputStream in, Limits limits) throws IOException, TooLarge {
        List<Document> documents = new ArrayList<>();
        long total = 0;
        int entries = 0;
        // ISO-8859-1 keeps unflagged names byte for byte, for Sources.entryName to decode (GBK or UTF-8).
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.ISO_8859_1)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.entries()) {
                    throw new TooLarge(Bound.ENTRIES, null, limits);
                }
                String name = Sources.entryName(entry.getName());
                if (entry.isDirectory() || Sources.hidden(name)) {
                    continue;
                }
                byte[] content = inflate(zip, name, limits, limits.totalBytes() - total);
                total += content.length;
                documents.add(new Document(name, content));
            }
        }
        return documents;
    }

    private static byte[] inflate(ZipInputStream zip, String name, Limits limits, long totalLeft)
            throws IOException, TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
            read += n;
            if (read > limits.entryBytes()) {
                throw new TooLarge(Bound.ENTRY_BYTES, name, limits);
            }
            if (read > totalLeft) {
                throw new TooLarge(Bound.TOTAL_BYTES, name, limits);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
