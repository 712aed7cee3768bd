package dev.gongkai.report.imports;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams {@code word/document.xml} into lines, the way {@link HtmlExtractor} reads a page:
 * <ul>
 *   <li>a paragraph ({@code w:p}, the text of its {@code w:t} runs) is a one-cell line, and a line break inside it
 *       ({@code w:br}) starts another;</li>
 *   <li>a table row ({@code w:tr}) gives its cells ({@code w:tc}) in reading order; a vertically merged
 *       continuation cell ({@code <w:vMerge/>} without {@code w:val="restart"}, the rowspan of Word) is omitted,
 *       so a merged label appears in its first row only; a {@code w:gridSpan} cell is one cell;</li>
 *   <li>a cell's paragraphs join as {@link HtmlCellText} says; a row of one cell gives one line per paragraph;</li>
 *   <li>only leaf tables are data tables: the cells of a table holding another table are read as paragraphs
 *       and the tables inside them.</li>
 * </ul>
 * Text that Word keeps twice is read once: the VML fallback of a text box ({@code mc:Fallback}) and text moved
 * with tracked changes ({@code w:moveFrom}); deleted text ({@code w:delText}) and field codes are not runs'
 * {@code w:t} and so are never read. A content control ({@code w:sdt}, a form template's field) is read for what
 * it holds, at any level (runs, paragraphs, cells, rows), except an empty one: it shows its placeholder
 * ({@code w:showingPlcHdr}, "单击或点击此处输入文字。"), which is the template's prompt, not a value, so its
 * text is not read and the cell stays blank.
 *
 * <p>The parser reads no DTD and resolves no entity, caps nesting at {@value #MAX_DEPTH} elements, and the
 * walk keeps its own stacks: no recursion, whatever the nesting.
 */
final class DocxBody {

    static final int MAX_DEPTH = 2_000;
    /** Paragraphs and cells; a report has a few hundred. Bounds the memory the builders below can take. */
    static final int MAX_BLOCKS = 1_000_000;

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private static final XMLInputFactory FACTORY = hardenedFactory();

    private DocxBody() {}

    static List<SourceLine> read(InputStream documentXml) throws XMLStreamException {
        XMLStreamReader xml = FACTORY.createXMLStreamReader(documentXml);
        try {
            return new Walk().run(xml);
        } finally {
            xml.close();
        }
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK's own implementation, whatever else is on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        factory.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
        return factory;
    }

    private static final class Walk {
        private static final int CONTROL = 0;
        private static final int PLACEHOLDER = 1;
        private static final int IN_PLACEHOLDER = 2;

        private final List<SourceLine> lines = new ArrayList<>();
        private final Deque<StringBuilder> paragraphs = new ArrayDeque<>();
        private final Deque<Table> tables = new ArrayDeque<>();
        /** Depth inside a subtree that is not read (a fallback, moved-from text); 0 outside. */
        private int skipped;
        /** Per open content control: {@link #CONTROL}, {@link #PLACEHOLDER} or {@link #IN_PLACEHOLDER}. */
        private final Deque<Integer> controls = new ArrayDeque<>();
        /** Open contents of controls showing their placeholder: their structure is read, their text is not. */
        private int placeholders;

        private boolean inText;
        private int blocks;

        List<SourceLine> run(XMLStreamReader xml) throws XMLStreamException {
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start(xml);
                    case XMLStreamConstants.END_ELEMENT -> end(xml);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (inText && skipped == 0 && placeholders == 0 && !paragraphs.isEmpty()) {
                            HtmlCellText.appendText(paragraphs.peek(), xml.getText());
                        }
                    }
                    default -> {}
                }
            }
            return lines;
        }

        private void start(XMLStreamReader xml) throws XMLStreamException {
            if (skipped > 0) {
                skipped++;
                return;
            }
            String namespace = xml.getNamespaceURI();
            String name = xml.getLocalName();
            if (MC.equals(namespace) && name.equals("Fallback")) {
                skipped = 1;
                return;
            }
            if (!W.equals(namespace) && !W_STRICT.equals(namespace)) {
                return;
            }
            switch (name) {
                case "moveFrom" -> skipped = 1;
                case "p" -> {
                    count();
                    paragraphs.push(new StringBuilder());
                }
                case "t" -> inText = true;
                case "sdt" -> controls.push(CONTROL);
                case "showingPlcHdr" -> {
                    if (!controls.isEmpty() && controls.peek() == CONTROL) {
                        controls.pop();
                        controls.push(PLACEHOLDER);
                    }
                }
                case "sdtContent" -> {
                    if (!controls.isEmpty() && controls.peek() == PLACEHOLDER) {
                        controls.pop();
                        controls.push(IN_PLACEHOLDER);
                        placeholders++;
                    }
                }
                case "tab", "ptab" -> appendToParagraph(" ");
                case "noBreakHyphen" -> appendToParagraph("-");
                case "br", "cr" -> {
                    if (!paragraphs.isEmpty()) {
                        HtmlCellText.appendBreak(paragraphs.peek());
                    }
                }
                case "tbl" -> {
                    Table enclosing = tables.peek();
                    if (enclosing != null && enclosing.cell != null) {
                        enclosing.layout = true;
                    }
                    tables.push(new Table());
                }
                case "tr" -> {
                    if (!tables.isEmpty()) {
                        tables.peek().startRow();
                    }
                }
                case "tc" -> {
                    if (!tables.isEmpty()) {
                        count();
                        tables.peek().startCell();
                    }
                }
                case "vMerge", "hMerge" -> {
                    Table table = tables.peek();
                    if (table != null && table.cell != null) {
                        String value = attribute(xml, "val");
                        if (value == null || value.equals("continue")) {
                            table.cell.continuation = true;
                        }
                    }
                }
                default -> {}
            }
        }

        private void end(XMLStreamReader xml) {
            if (skipped > 0) {
                skipped--;
                return;
            }
            String namespace = xml.getNamespaceURI();
            if (!W.equals(namespace) && !W_STRICT.equals(namespace)) {
                return;
            }
            switch (xml.getLocalName()) {
                case "t" -> inText = false;
                case "sdtContent" -> {
                    if (!controls.isEmpty() && controls.peek() == IN_PLACEHOLDER) {
                        controls.pop();
                        controls.push(PLACEHOLDER);
                        placeholders--;
                    }
                }
                case "sdt" -> {
                    if (!controls.isEmpty() && controls.pop() == IN_PLACEHOLDER) {
                        placeholders--;
                    }
                }
                case "p" -> {
                    if (!paragraphs.isEmpty()) {
                        paragraph(paragraphs.pop().toString());
                    }
                }
                case "tc" -> {
                    if (!tables.isEmpty()) {
                        tables.peek().cell = null;
                    }
                }
                case "tr" -> {
                    if (!tables.isEmpty()) {
                        tables.peek().endRow();
                    }
                }
                case "tbl" -> {
                    if (!tables.isEmpty()) {
                        List<SourceLine> table = tables.pop().lines();
                        Table enclosing = tables.peek();
                        if (enclosing != null && enclosing.cell != null) {
                            enclosing.cell.items.add(new Lines(table));
                        } else {
                            lines.addAll(table);
                        }
                    }
                }
                default -> {}
            }
        }

        private void paragraph(String text) {
            Table table = tables.peek();
            if (table != null && table.cell != null) {
                table.cell.items.add(new Paragraph(text));
            } else {
                for (String line : HtmlCellText.split(text)) {
                    lines.add(SourceLine.of(line));
                }
            }
        }

        private void appendToParagraph(String text) {
            if (skipped == 0 && placeholders == 0 && !paragraphs.isEmpty()) {
                HtmlCellText.appendText(paragraphs.peek(), text);
            }
        }

        private void count() throws XMLStreamException {
            if (++blocks > MAX_BLOCKS) {
                throw new XMLStreamException("more than " + MAX_BLOCKS + " paragraphs and cells");
            }
        }

        private static String attribute(XMLStreamReader xml, String localName) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (xml.getAttributeLocalName(i).equals(localName)) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }
    }

    /** What a cell holds, in order: its paragraphs and, in a layout table, the lines of the tables inside it. */
    private sealed interface Item permits Paragraph, Lines {}

    private record Paragraph(String text) implements Item {}

    private record Lines(List<SourceLine> lines) implements Item {}

    private static final class Cell {
        final List<Item> items = new ArrayList<>(1);
        boolean continuation;

        /** The paragraphs with a break between them, for {@link HtmlCellText#joined} or {@code split}. */
        String text() {
            StringBuilder text = new StringBuilder();
            for (Item item : items) {
                if (item instanceof Paragraph paragraph) {
                    if (!text.isEmpty()) {
                        HtmlCellText.appendBreak(text);
                    }
                    text.append(paragraph.text());
                }
            }
            return text.toString();
        }
    }

    private static final class Table {
        final List<List<Cell>> rows = new ArrayList<>();
        List<Cell> row;
        Cell cell;
        boolean layout;

        void startRow() {
            row = new ArrayList<>();
            rows.add(row);
            cell = null;
        }

        void startCell() {
            if (row == null) {
                startRow();
            }
            cell = new Cell();
            row.add(cell);
        }

        void endRow() {
            row = null;
            cell = null;
        }

        List<SourceLine> lines() {
            List<SourceLine> lines = new ArrayList<>();
            for (List<Cell> cells : rows) {
                if (layout) {
                    for (Cell each : cells) {
                        for (Item item : each.items) {
                            switch (item) {
                                case Paragraph paragraph ->
                                    HtmlCellText.split(paragraph.text())
                                            .forEach(line -> lines.add(SourceLine.of(line)));
                                case Lines table -> lines.addAll(table.lines());
                            }
                        }
                    }
                    continue;
                }
                List<Cell> shown =
                        cells.stream().filter(each -> !each.continuation).toList();
                if (shown.size() == 1) {
                    HtmlCellText.split(shown.getFirst().text()).forEach(line -> lines.add(SourceLine.of(line)));
                } else if (!shown.isEmpty()) {
                    lines.add(new SourceLine(shown.stream()
                            .map(each -> HtmlCellText.joined(each.text()))
                            .toList()));
                }
            }
            return lines;
        }
    }
}
