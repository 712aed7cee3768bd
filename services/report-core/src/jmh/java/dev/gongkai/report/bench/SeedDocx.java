package dev.gongkai.report.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The seed text as a minimal Word document: each line with " | " becomes a table row of cells, consecutive rows
 * one table, every other line a paragraph. Enough for the importer to read the same report.
 */
final class SeedDocx {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private SeedDocx() {
    }

    static byte[] of(byte[] seedText) {
        StringBuilder body = new StringBuilder();
        boolean inTable = false;
        for (String line : new String(seedText, StandardCharsets.UTF_8).lines().toList()) {
            boolean row = line.contains("|");
            if (row && !inTable) {
                body.append("<w:tbl>");
            } else if (!row && inTable) {
                body.append("</w:tbl>");
            }
            inTable = row;
            if (row) {
                body.append("<w:tr>");
                for (String cell : line.split("\\|", -1)) {
                    body.append("<w:tc><w:p><w:r><w:t>").append(escape(cell.strip())).append("</w:t></w:r></w:p></w:tc>");
                }
                body.append("</w:tr>");
            } else {
                body.append("<w:p><w:r><w:t>").append(escape(line)).append("</w:t></w:r></w:p>");
            }
        }
        if (inTable) {
            body.append("</w:tbl>");
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"" + W
                + "\"><w:body>" + body + "</w:body></w:document>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                    Target="word/document.xml"/></Relationships>""");
            entry(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
