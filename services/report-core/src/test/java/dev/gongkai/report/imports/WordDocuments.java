package dev.gongkai.report.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Word documents as Word and WPS write them, made from an HTML page: its paragraphs, and its tables with every
 * grid column of every row a cell — rowspans turned into {@code w:vMerge}, colspans into {@code w:gridSpan} — with
 * runs split as Word splits them. {@link Controls#CONTENT_CONTROLS} puts the values into content controls
 * ({@code w:sdt}) as a form template does: around runs, paragraphs, cells and whole rows, a date picker on the
 * date, and an empty value showing the template's placeholder text.
 */
public final class WordDocuments {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** What a blank content control shows in a Chinese Word (its placeholder, not a value). */
    static final String PLACEHOLDER = "单击或点击此处输入文字。";

    private static final Set<String> BLOCKS = Set.of("article", "section", "div", "header", "footer", "main");

    public enum Controls {
        NONE,
        CONTENT_CONTROLS
    }

    private final Controls controls;
    private int controlCount;

    private WordDocuments(Controls controls) {
        this.controls = controls;
    }

    /** The page's body (its title, paragraphs and tables in order) as a .docx package. */
    public static byte[] fromHtml(Element body, Controls controls) {
        return docx(body(body, controls));
    }

    /** The {@code w:body} content of the element's paragraphs and tables, in document order. */
    static String body(Element container, Controls controls) {
        StringBuilder xml = new StringBuilder();
        new WordDocuments(controls).blocks(container, xml);
        return xml.toString();
    }

    private void blocks(Element container, StringBuilder xml) {
        for (Element element : container.children()) {
            String name = element.normalName();
            if (name.equals("table")) {
                Element caption = element.selectFirst("caption");
                if (caption != null) {
                    paragraph(caption.text(), null, xml);
                }
                table(element, xml);
            } else if (BLOCKS.contains(name)
                    && !element.select("p, table, h1, h2, h3").isEmpty()) {
                blocks(element, xml);
            } else if (!name.equals("script") && !name.equals("style")) {
                Element time = element.selectFirst("time");
                paragraph(element.text(), time == null ? null : time.attr("datetime"), xml);
            }
        }
    }

    /** A paragraph; with content controls, every other one inside a block control and a date in a date picker. */
    private void paragraph(String text, String date, StringBuilder xml) {
        if (controls == Controls.NONE) {
            xml.append("<w:p>").append(runs(text)).append("</w:p>\n");
        } else if (date != null) {
            xml.append("<w:p><w:sdt><w:sdtPr><w:alias w:val=\"成文日期\"/><w:date w:fullDate=\"")
                    .append(date)
                    .append("T00:00:00Z\"><w:dateFormat w:val=\"yyyy'年'M'月'd'日'\"/><w:lid w:val=\"zh-CN\"/>")
                    .append("<w:calendar w:val=\"gregorian\"/></w:date></w:sdtPr><w:sdtContent>")
                    .append(runs(text))
                    .append("</w:sdtContent></w:sdt></w:p>\n");
        } else if (controlCount++ % 2 == 0) {
            xml.append(control("正文", text, runs -> "<w:p>" + runs + "</w:p>")).append('\n');
        } else {
            xml.append("<w:p>").append(control("文字", text, runs -> runs)).append("</w:p>\n");
        }
    }

    /** An HTML table as Word writes it: every grid column of every row is a cell, merged ones continuing. */
    private void table(Element table, StringBuilder xml) {
        List<Element> rows = table.select("tr");
        List<Map<Integer, Slot>> grid = grid(rows);
        int width = 0;
        for (Map<Integer, Slot> row : grid) {
            for (Map.Entry<Integer, Slot> slot : row.entrySet()) {
                width = Math.max(width, slot.getKey() + slot.getValue().colspan);
            }
        }
        xml.append("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/>")
                .append("<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/></w:tblBorders></w:tblPr><w:tblGrid>")
                .append("<w:gridCol w:w=\"600\"/>".repeat(width))
                .append("</w:tblGrid>\n");
        for (int r = 0; r < grid.size(); r++) {
            StringBuilder row = new StringBuilder("<w:tr>");
            for (int column = 0; column < width; ) {
                Slot slot = grid.get(r).get(column);
                if (slot == null) {
                    column++;
                    continue;
                }
                cell(slot, row);
                column += slot.colspan;
            }
            row.append("</w:tr>");
            boolean valueRow = !rows.get(r).select("td[data-cell]").isEmpty();
            if (controls == Controls.CONTENT_CONTROLS && valueRow && r % 4 == 1) {
                // a row of a repeating section: the whole row is the content of one control
                xml.append("<w:sdt><w:sdtPr><w:id w:val=\"")
                        .append(1000 + r)
                        .append("\"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>")
                        .append(row)
                        .append("</w:sdtContent></w:sdt>\n");
            } else {
                xml.append(row).append('\n');
            }
        }
        xml.append("</w:tbl>\n");
    }

    /** Where each HTML cell lands on the grid: its first row and column, and each row its rowspan continues in. */
    private static List<Map<Integer, Slot>> grid(List<Element> rows) {
        List<Map<Integer, Slot>> grid = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            grid.add(new java.util.TreeMap<>());
        }
        List<Set<Integer>> taken = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            taken.add(new java.util.HashSet<>());
        }
        for (int r = 0; r < rows.size(); r++) {
            int column = 0;
            for (Element cell : rows.get(r).children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                while (taken.get(r).contains(column)) {
                    column++;
                }
                int colspan = span(cell, "colspan");
                int rowspan = Math.min(span(cell, "rowspan"), rows.size() - r);
                for (int below = 0; below < rowspan; below++) {
                    grid.get(r + below).put(column, new Slot(cell, colspan, rowspan, below == 0));
                    for (int c = column; c < column + colspan; c++) {
                        taken.get(r + below).add(c);
                    }
                }
                column += colspan;
            }
        }
        return grid;
    }

    private record Slot(Element cell, int colspan, int rowspan, boolean first) {}

    private void cell(Slot slot, StringBuilder xml) {
        StringBuilder properties = new StringBuilder("<w:tcPr><w:tcW w:w=\"600\" w:type=\"dxa\"/>");
        if (slot.colspan > 1) {
            properties.append("<w:gridSpan w:val=\"").append(slot.colspan).append("\"/>");
        }
        if (slot.rowspan > 1) {
            properties.append(slot.first ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>");
        }
        properties.append("<w:vAlign w:val=\"center\"/></w:tcPr>");
        if (!slot.first) {
            xml.append("<w:tc>").append(properties).append("<w:p/></w:tc>");
            return;
        }
        String key = slot.cell.attr("data-cell");
        if (controls == Controls.NONE || key.isEmpty()) {
            xml.append("<w:tc>").append(properties);
            for (String paragraph : cellParagraphs(slot.cell)) {
                xml.append("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>")
                        .append(runs(paragraph))
                        .append("</w:p>");
            }
            xml.append("</w:tc>");
            return;
        }
        // A value in a content control, the control around its runs, its paragraph or the whole cell in turn.
        String value = slot.cell.text();
        String paragraph = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>";
        switch (controlCount++ % 3) {
            case 0 ->
                xml.append("<w:tc>")
                        .append(properties)
                        .append(paragraph)
                        .append(control("数值", value, runs -> runs))
                        .append("</w:p></w:tc>");
            case 1 ->
                xml.append("<w:tc>")
                        .append(properties)
                        .append(control("数值", value, runs -> paragraph + runs + "</w:p>"))
                        .append("</w:tc>");
            default ->
                xml.append(control("数值", value, runs -> "<w:tc>" + properties + paragraph + runs + "</w:p></w:tc>"));
        }
    }

    /**
     * A plain-text content control: {@code wrap} places the value's runs in its content. An empty value shows the
     * control's placeholder instead ({@code w:showingPlcHdr}), as Word draws an empty control.
     */
    private String control(String alias, String value, java.util.function.UnaryOperator<String> wrap) {
        boolean empty = value.isEmpty();
        String runs = empty
                ? "<w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr><w:t>" + PLACEHOLDER + "</w:t></w:r>"
                : runs(value);
        return "<w:sdt><w:sdtPr><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:alias w:val=\"" + alias
                + "\"/><w:tag w:val=\"t" + controlCount + "\"/><w:id w:val=\"" + controlCount + "\"/>"
                + "<w:placeholder><w:docPart w:val=\"DefaultPlaceholder_-1854013440\"/></w:placeholder>"
                + (empty ? "<w:showingPlcHdr/>" : "") + "<w:text/></w:sdtPr><w:sdtEndPr/><w:sdtContent>"
                + wrap.apply(runs) + "</w:sdtContent></w:sdt>";
    }

    private static int span(Element cell, String attribute) {
        return cell.hasAttr(attribute) ? Integer.parseInt(cell.attr(attribute)) : 1;
    }

    /** A cell's {@code <br>}-separated parts become paragraphs, as Word keeps a wrapped label. */
    private static List<String> cellParagraphs(Element cell) {
        StringBuilder text = new StringBuilder();
        for (Node node : cell.childNodes()) {
            if (node instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (node instanceof Element element && element.normalName().equals("br")) {
                text.append('\n');
            } else if (node instanceof Element element) {
                text.append(element.text());
            }
        }
        return List.of(text.toString().split("\n", -1));
    }

    /** Word splits a paragraph's text into runs wherever formatting or spell checking touched it. */
    static String runs(String text) {
        StringBuilder xml = new StringBuilder();
        int[] codePoints = text.codePoints().toArray();
        for (int start = 0; start < codePoints.length; start += 9) {
            String part = new String(codePoints, start, Math.min(9, codePoints.length - start));
            xml.append("<w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/>")
                    .append("</w:rPr><w:t xml:space=\"preserve\">")
                    .append(escape(part))
                    .append("</w:t></w:r>");
            if (start % 2 == 1) {
                xml.append("<w:proofErr w:type=\"gramStart\"/>");
            }
        }
        return xml.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String document(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" \
                xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
                xmlns:o="urn:schemas-microsoft-com:office:office" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
                xmlns:v="urn:schemas-microsoft-com:vml" \
                xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
                xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" \
                xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" \
                xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
                mc:Ignorable="w14 w15"><w:body>
                %s
                <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" \
                w:left="1800"/></w:sectPr></w:body></w:document>""".formatted(body);
    }

    /** A .docx package as Word writes one: content types, relationships, the document, styles, properties. */
    static byte[] docx(String body) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="word/document.xml"/></Relationships>""");
        parts.put("word/document.xml", document(body));
        parts.put("word/styles.xml", "<w:styles xmlns:w=\"" + W + "\"/>");
        parts.put(
                "docProps/core.xml",
                "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
                        + "metadata/core-properties\"/>");
        return zip(parts);
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
