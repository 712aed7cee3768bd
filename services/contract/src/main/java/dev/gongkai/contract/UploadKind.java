package dev.gongkai.contract;

import java.util.Arrays;

/**
 * What each kind of upload may weigh: the one place the console (which refuses a larger file in words before passing
 * it on, and names the limit on the upload's page) and the reports service (which enforces it) both take it from, so
 * the two cannot disagree. The servlet containers' multipart limits of both are derived from {@link #largest()}.
 */
public enum UploadKind {

    /** A report's attachment, such as the scan of the signed and stamped report: stored as uploaded. */
    ATTACHMENT(20),
    /** One report's file read into a draft (txt, html, docx, pdf or the canonical JSON). */
    REPORT_FILE(20),
    /** The office's zip of its city's published reports of past years (导入往年年报), checked file by file. */
    ARCHIVE(64);

    private final int megabytes;

    UploadKind(int megabytes) {
        this.megabytes = megabytes;
    }

    /** The limit in megabytes (MiB), as the pages write it: "20" in 「不超过 20 MB」. */
    public int megabytes() {
        return megabytes;
    }

    public long maxBytes() {
        return megabytes * 1024L * 1024;
    }

    /** The largest kind: the multipart limit a container must let through for every kind to be checked. */
    public static UploadKind largest() {
        return Arrays.stream(values())
                .max(java.util.Comparator.comparingInt(UploadKind::megabytes))
                .orElseThrow();
    }
}
