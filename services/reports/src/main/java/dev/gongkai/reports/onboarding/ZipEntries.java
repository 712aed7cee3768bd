package dev.gongkai.reports.onboarding;

import dev.gongkai.platform.error.ApiException;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                    throw tooLarge("onboarding.zip.too-many-entries",
                            "压缩包内文件超过 " + MAX_ENTRIES + " 个，未导入任何内容",
                            "The zip holds more than " + MAX_ENTRIES + " entries; nothing was imported");
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
            throw invalid("压缩包已损坏：" + e.getMessage(), "The zip is damaged: " + e.getMessage());
        } catch (IOException e) {
            throw invalid("无法读取压缩包：" + e.getMessage(), "The zip cannot be read: " + e.getMessage());
        }
        if (entries == 0) {
            throw invalid("上传的文件不是 zip 压缩包，或其中没有文件", "The upload is not a zip or holds no files");
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
                throw tooLarge("onboarding.zip.too-large",
                        "压缩包解压后过大（“" + name + "”处超过限制：单个文件 32 MB，合计 256 MB），疑为压缩炸弹，未导入任何内容",
                        "The zip inflates beyond its limits at \"" + name + "\" (32 MB per file, 256 MB in all); "
                                + "nothing was imported");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean ignored(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || base.startsWith(".") || base.isEmpty();
    }

    private static ApiException tooLarge(String code, String zh, String en) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, code, zh, en, Map.of("field", "file"));
    }

    private static ApiException invalid(String zh, String en) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "onboarding.zip.invalid", zh, en,
                Map.of("field", "file"));
    }
}
