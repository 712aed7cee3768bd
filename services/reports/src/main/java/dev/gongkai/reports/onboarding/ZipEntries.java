package dev.gongkai.reports.onboarding;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of an onboarding zip, read with bounds a zip bomb cannot get past: the number of entries, the bytes of
 * one entry and of all entries are counted as they are inflated (never trusted from the headers), and the whole zip
 * is read before anything is stored, so a refused zip leaves nothing behind.
 */
final class ZipEntries {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_ENTRY_BYTES = 32L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    record File(String name, byte[] content) {
    }

    private ZipEntries() {
    }

    static List<File> read(InputStream in) {
        List<File> files = new ArrayList<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new ApiException(ProblemCode.ONBOARDING_ZIP_TOO_MANY_ENTRIES, MAX_ENTRIES).atField("file");
                }
                String name = entry.getName();
                if (entry.isDirectory() || ignored(name)) {
                    continue;
                }
                byte[] content = readBounded(zip, name, MAX_TOTAL_BYTES - total);
                total += content.length;
                files.add(new File(name, content));
            }
        } catch (ZipException e) {
            throw invalid(e.getMessage()).variant("damaged");
        } catch (IOException e) {
            throw invalid(e.getMessage()).variant("unreadable");
        }
        if (entries == 0) {
            throw invalid();
        }
        return files;
    }

    private static byte[] readBounded(ZipInputStream zip, String name, long totalLeft) throws IOException {
        long limit = Math.min(MAX_ENTRY_BYTES, totalLeft);
        var out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = zip.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                throw new ApiException(ProblemCode.ONBOARDING_ZIP_TOO_LARGE, name).atField("file");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean ignored(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || base.startsWith(".") || base.isEmpty();
    }

    private static ApiException invalid(Object... arguments) {
        return new ApiException(ProblemCode.ONBOARDING_ZIP_INVALID, arguments).atField("file");
    }
}
