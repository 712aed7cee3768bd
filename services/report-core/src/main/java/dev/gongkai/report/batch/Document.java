package dev.gongkai.report.batch;

/**
 * A file held in memory, as a batch check reads it: its name (as the caller or the archive names it: the name its
 * line carries, never a path on this machine) and its bytes. A document that is a zip archive (not an Office
 * document) is opened like an archive inside an archive.
 */
public record Document(String name, byte[] content) {

    public Document {
        if (name == null || content == null) {
            throw new IllegalArgumentException("a document has a name and content");
        }
    }
}
