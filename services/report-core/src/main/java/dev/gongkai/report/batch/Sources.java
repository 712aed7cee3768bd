package dev.gongkai.report.batch;

import dev.gongkai.report.imports.UnreadableReportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The files a batch reads: the paths given, folders walked recursively, zip archives opened (an archive inside an
 * archive too). Office documents are zip files as well; they are recognised by their {@code [Content_Types].xml}
 * and read as documents. Hidden files and the litter of other systems ({@code __MACOSX}, {@code Thumbs.db}) are no
 * one's reports and are skipped; everything else gets a line, reports or not.
 */
final class Sources implements AutoCloseable {

    /** Archives inside archives are opened this deep; deeper ones are listed as not read. */
    private static final int MAX_NESTING = 3;

    private static final String OOXML_MARKER = "[Content_Types].xml";
    private static final Charset GB18030 = Charset.forName("GB18030");

    /** One file to read; loading may fail, which makes that file's line, never the batch's end. */
    record Source(String name, Loader loader) {}

    interface Loader {
        byte[] load() throws IOException, UnreadableReportException;
    }

    private final List<ZipFile> open = new ArrayList<>();
    /** What is left of the batch's budget for archives inside archives, read in memory. */
    private int entriesLeft = Archives.Limits.IN_MEMORY.entries();

    private long bytesLeft = Archives.Limits.IN_MEMORY.totalBytes();

    /** The files of the paths given, in the order given, each folder's files sorted by path. */
    List<Source> expand(List<Path> inputs) {
        List<Source> sources = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(input)) {
                    files = walk.filter(path -> !hidden(input.relativize(path).toString()) && Files.isRegularFile(path))
                            .sorted(Comparator.comparing(Path::toString))
                            .toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    sources.add(failing(input.toString(), e));
                    continue;
                }
                files.forEach(file -> addFile(file, sources));
            } else {
                addFile(input, sources);
            }
        }
        return sources;
    }

    private void addFile(Path file, List<Source> sources) {
        String name = file.toString();
        if (startsWithZipMagic(file)) {
            try {
                ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1);
                if (zip.getEntry(OOXML_MARKER) == null) {
                    open.add(zip);
                    addEntries(name, zip, sources);
                    return;
                }
                zip.close();
            } catch (IOException damaged) {
                // Not a readable archive: the importers say what it is (a damaged Word file, most likely).
            }
        }
        sources.add(new Source(name, () -> ReportFiles.readFile(file)));
    }

    private static void addEntries(String archive, ZipFile zip, List<Source> sources) {
        List<? extends ZipEntry> entries = Collections.list((Enumeration<? extends ZipEntry>) zip.entries());
        List<ZipEntry> files = new ArrayList<>();
        for (ZipEntry entry : entries) {
            if (!entry.isDirectory() && !hidden(entryName(entry.getName()))) {
                files.add(entry);
            }
        }
        files.sort(Comparator.comparing(entry -> entryName(entry.getName())));
        for (ZipEntry entry : files) {
            sources.add(new Source(archive + "!/" + entryName(entry.getName()), () -> {
                try (InputStream in = zip.getInputStream(entry)) {
                    return ReportFiles.readLimited(in);
                }
            }));
        }
    }

    /**
     * The files of an archive held in memory (an archive inside an archive), each already loaded, sorted by name.
     * All such archives of one batch share one budget ({@link Archives.Limits#IN_MEMORY}: entries and inflated
     * bytes), so that archives inside archives cannot inflate a small upload without bound; an archive past what
     * is left of it, or damaged, is one line with its reason.
     */
    List<Source> entries(String archive, byte[] content, int depth) {
        if (depth > MAX_NESTING) {
            return List.of(failing(
                    archive,
                    new UnreadableReportException(
                            "NESTED_TOO_DEEP",
                            "压缩包嵌套超过 " + MAX_NESTING + " 层，未读取",
                            "archives nested more than " + MAX_NESTING + " deep were not read")));
        }
        List<Document> documents;
        try {
            synchronized (this) {
                Archives.Limits limits =
                        new Archives.Limits(entriesLeft, Archives.Limits.IN_MEMORY.entryBytes(), bytesLeft);
                documents = Archives.unzip(new ByteArrayInputStream(content), limits);
                entriesLeft -= documents.size();
                bytesLeft -= documents.stream()
                        .mapToLong(document -> document.content().length)
                        .sum();
            }
        } catch (Archives.TooLarge e) {
            Archives.Limits all = Archives.Limits.IN_MEMORY;
            return List.of(failing(
                    archive,
                    new UnreadableReportException(
                            "ARCHIVE_TOO_LARGE",
                            "压缩包内的压缩包解压后超过限制（单个文件 " + megabytes(all.entryBytes()) + " MB，合计 "
                                    + megabytes(all.totalBytes()) + " MB、" + all.entries() + " 个文件），疑为压缩炸弹，未读取",
                            "the archives inside the archive inflate beyond their limits ("
                                    + megabytes(all.entryBytes())
                                    + " MB per file, " + megabytes(all.totalBytes()) + " MB and " + all.entries()
                                    + " files in all); it may be a zip bomb and was not read")));
        } catch (IOException | IllegalArgumentException e) {
            return List.of(failing(archive, e instanceof IOException io ? io : new IOException(e.getMessage(), e)));
        }
        List<Source> sources = new ArrayList<>(documents.size());
        for (Document document : documents) {
            sources.add(of(archive + "!/" + document.name(), document.content()));
        }
        sources.sort(Comparator.comparing(Source::name));
        return sources;
    }

    /** A file held in memory. */
    static Source of(String name, byte[] content) {
        return new Source(name, () -> content);
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** A zip that is not an Office document: an archive to open rather than a file to import. */
    static boolean isArchive(byte[] content) {
        if (!startsWithZipMagic(content)) {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.ISO_8859_1)) {
            boolean any = false;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(OOXML_MARKER)) {
                    return false;
                }
                any = true;
            }
            return any;
        } catch (IOException damaged) {
            return false;
        }
    }

    /**
     * An entry's name. Zip tools on Chinese Windows write names in GBK without saying so; others write UTF-8, with
     * or without the zip's UTF-8 flag. Flagged names arrive decoded; the rest arrive byte for byte (ISO-8859-1)
     * and are decoded here: UTF-8 when the bytes are valid UTF-8, GB18030 (a superset of GBK) otherwise.
     */
    static String entryName(String raw) {
        boolean bytewise = true;
        boolean ascii = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            bytewise &= c <= 0xFF;
            ascii &= c < 0x80;
        }
        if (ascii || !bytewise) {
            return raw;
        }
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    /** Whether a relative path (names between slashes or backslashes, as zip tools write them) is hidden. */
    static boolean hidden(String relative) {
        for (String name : relative.split("[/\\\\]")) {
            if (name.startsWith(".")
                    || name.equals("__MACOSX")
                    || name.equalsIgnoreCase("Thumbs.db")
                    || name.equalsIgnoreCase("desktop.ini")) {
                return true;
            }
        }
        return false;
    }

    /** A zip file that is not an Office document. */
    static boolean isArchive(Path file) {
        if (!startsWithZipMagic(file)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1)) {
            return zip.getEntry(OOXML_MARKER) == null;
        } catch (IOException damaged) {
            return false;
        }
    }

    private static boolean startsWithZipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return startsWithZipMagic(in.readNBytes(4));
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static boolean startsWithZipMagic(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static Source failing(String name, Exception cause) {
        return new Source(name, () -> {
            if (cause instanceof UnreadableReportException unreadable) {
                throw unreadable;
            }
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        });
    }

    @Override
    public void close() {
        for (ZipFile zip : open) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // Read-only archives: nothing is lost when closing fails.
            }
        }
    }
}
