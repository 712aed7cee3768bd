package dev.gongkai.report.imports;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads a government portal page: the report's paragraphs become one-cell lines, the rows of its data tables
 * become lines of cells, the page's chrome is left to the assembler (which meets it in every source), and
 * {@code <head>}, scripts, styles, navigation, forms and hidden elements are dropped.
 *
 * <p>The lines have the shape of the seed text:
 * <ul>
 *   <li>A data table is a <em>leaf</em> table, one that holds no other table; a table that does is layout, and
 *       its cells are read as blocks of paragraphs around the tables inside them.</li>
 *   <li>A row gives its {@code <td>}/{@code <th>} cells in reading order, as the markup has them: a rowspan cell
 *       appears in its first row only, and a colspan cell is <em>one</em> cell. Rows are not padded to the
 *       table's width. The assembler reads values by label then position, so a label spanning two or three
 *       columns must not push phantom blanks in front of the numbers; a value cell with a colspan (table 二's
 *       "本年处理决定数量" column) is one value as well.</li>
 *   <li>A row with a single cell is read like paragraphs, one line per block or {@code <br>}: section titles and
 *       narratives written as rows of one big table, and a one-cell table wrapping a whole article, come out as
 *       the paragraphs they are. In any other cell, blocks and breaks join as {@link HtmlCellText} says.</li>
 *   <li>{@code &nbsp;} and whitespace-only cells are blank {@code ""}; empty cells are kept.</li>
 * </ul>
 *
 * <p>Bounded on hostile input: pages with more than {@value #MAX_ELEMENTS} tags are refused before parsing (a real
 * report page has a few thousand), jsoup's parser is iterative and caps the tree's depth (512, as browsers do),
 * and both walks over the tree are jsoup's iterative traversals, never recursion.
 */
final class HtmlExtractor implements SourceExtractor {

    /** About 110 MB of parsed tree; a report page with its portal chrome has a few thousand elements. */
    static final int MAX_ELEMENTS = 1_000_000;

    private static final Set<String> SKIPPED = Set.of(
            "head",
            "script",
            "style",
            "noscript",
            "template",
            "nav",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "svg",
            "math",
            "canvas",
            "audio",
            "video",
            "select",
            "textarea",
            "button",
            "map");

    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "caption",
            "center",
            "dd",
            "details",
            "dialog",
            "dir",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "li",
            "main",
            "menu",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul",
            "legend",
            "listing",
            "xmp");

    private static final Pattern DISPLAY_NONE =
            Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    @Override
    public SourceDocument extract(byte[] content) throws UnreadableReportException {
        String html = HtmlCharset.decode(content);
        if (countTags(html) > MAX_ELEMENTS) {
            throw new UnreadableReportException(
                    "TOO_LARGE",
                    "网页元素过多（超过 " + MAX_ELEMENTS + " 个），不是年度报告",
                    "the page has more than " + MAX_ELEMENTS + " elements; it is not an annual report");
        }
        Document document = Parser.htmlParser().parseInput(html, "");
        unfoldScriptStrings(document);
        LineWriter writer = new LineWriter(layoutTables(document));
        NodeTraversor.filter(writer, document);
        List<SourceLine> lines = writer.finish();
        String title = document.title().strip();
        if (!title.isEmpty() && lines.stream().noneMatch(line -> line.text().contains("年度报告"))) {
            // Some portals set the report's title as an image; the page title then is the only place naming it.
            List<SourceLine> withTitle = new ArrayList<>(lines.size() + 1);
            withTitle.add(SourceLine.of(title));
            withTitle.addAll(lines);
            lines = withTitle;
        }
        return new SourceDocument(SourceType.HTML, lines);
    }

    /**
     * Some portals serve the report as a JavaScript string that a script writes into the page
     * ({@code let content = "<p>…<table>…";}): each script's string literal that holds a table is put into the page
     * in the script's place, as the browser would show it.
     */
    private static void unfoldScriptStrings(Document document) {
        for (Element script : document.getElementsByTag("script")) {
            String code = script.data();
            if (code.length() < 100 || !code.contains("<t") && !code.contains("<T") && !code.contains("\\u003c")) {
                continue;
            }
            StringBuilder markup = new StringBuilder();
            for (String literal : stringLiterals(code)) {
                String lower = literal.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("<table") || lower.contains("<p") && lower.contains("</p>")) {
                    markup.append(literal);
                }
            }
            if (!markup.isEmpty()) {
                script.after("<div>" + markup + "</div>");
            }
        }
    }

    /** The string literals of a script ('…', "…", `…`), their escapes decoded; linear in the script's length. */
    static List<String> stringLiterals(String code) {
        List<String> literals = new ArrayList<>();
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end;
                continue;
            }
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (c != '"' && c != '\'' && c != '`') {
                continue;
            }
            StringBuilder literal = new StringBuilder();
            int j = i + 1;
            for (; j < n && code.charAt(j) != c; j++) {
                char d = code.charAt(j);
                if (d == '\\' && j + 1 < n) {
                    char e = code.charAt(++j);
                    switch (e) {
                        case 'n' -> literal.append('\n');
                        case 't' -> literal.append('\t');
                        case 'r' -> literal.append('\r');
                        case 'u' -> {
                            if (j + 4 < n) {
                                try {
                                    literal.append((char) Integer.parseInt(code.substring(j + 1, j + 5), 16));
                                    j += 4;
                                } catch (NumberFormatException notHex) {
                                    literal.append(e);
                                }
                            }
                        }
                        case '\n' -> {} // a line continuation
                        default -> literal.append(e);
                    }
                } else if (d == '\n' && c != '`') {
                    break; // an unterminated literal: not a string
                } else {
                    literal.append(d);
                }
            }
            if (j < n && code.charAt(j) == c) {
                literals.add(literal.toString());
            }
            i = j;
        }
        return literals;
    }

    private static int countTags(String html) {
        int count = 0;
        for (int i = html.indexOf('<'); i >= 0 && i + 1 < html.length(); i = html.indexOf('<', i + 1)) {
            char next = html.charAt(i + 1);
            if (next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z') {
                count++;
            }
        }
        return count;
    }

    private static boolean isSkipped(Element element) {
        return SKIPPED.contains(element.normalName())
                || element.hasAttr("hidden")
                || element.hasAttr("style")
                        && DISPLAY_NONE.matcher(element.attr("style")).find();
    }

    /** The tables that hold another table. Marking only the nearest enclosing table keeps this one linear pass. */
    private static Set<Element> layoutTables(Document document) {
        Set<Element> layout = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Element> open = new ArrayDeque<>();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof Element element) {
                            if (isSkipped(element)) {
                                return FilterResult.SKIP_ENTIRELY;
                            }
                            if (element.normalName().equals("table")) {
                                if (!open.isEmpty()) {
                                    layout.add(open.peek());
                                }
                                open.push(element);
                            }
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        if (node instanceof Element element
                                && element.normalName().equals("table")) {
                            open.pop();
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                document);
        return layout;
    }

    /** One pass over the page, emitting lines in reading order. */
    private static final class LineWriter implements NodeFilter {
        private final Set<Element> layoutTables;
        private final List<SourceLine> lines = new ArrayList<>();
        private final StringBuilder paragraph = new StringBuilder();
        /** The data table being read, its open row and cell; null outside them. */
        private Element table;

        private Element rowElement;
        private List<String> row;
        private Element cellElement;
        private StringBuilder cell;

        LineWriter(Set<Element> layoutTables) {
            this.layoutTables = layoutTables;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                HtmlCellText.appendText(cell != null ? cell : paragraph, text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            if (isSkipped(element)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String name = element.normalName();
            if (name.equals("table") && table == null && !layoutTables.contains(element)) {
                flushParagraph();
                table = element;
            } else if (name.equals("tr") && table != null && row == null) {
                rowElement = element;
                row = new ArrayList<>();
            } else if ((name.equals("td") || name.equals("th")) && row != null && cell == null) {
                cellElement = element;
                cell = new StringBuilder();
            } else if (name.equals("br") || BLOCKS.contains(name)) {
                boundary();
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            if (element == cellElement) {
                row.add(cell.toString());
                cell = null;
                cellElement = null;
            } else if (element == rowElement) {
                finishRow();
            } else if (element == table) {
                finishRow();
                flushParagraph();
                table = null;
            } else if (BLOCKS.contains(element.normalName())) {
                boundary();
            }
            return FilterResult.CONTINUE;
        }

        List<SourceLine> finish() {
            finishRow();
            flushParagraph();
            return lines;
        }

        private void boundary() {
            if (cell != null) {
                HtmlCellText.appendBreak(cell);
            } else {
                flushParagraph();
            }
        }

        private void finishRow() {
            if (cell != null) {
                row.add(cell.toString());
                cell = null;
                cellElement = null;
            }
            if (row == null) {
                return;
            }
            if (row.size() == 1) {
                for (String line : HtmlCellText.split(row.getFirst())) {
                    lines.add(SourceLine.of(line));
                }
            } else if (!row.isEmpty()) {
                lines.add(new SourceLine(row.stream().map(HtmlCellText::joined).toList()));
            }
            row = null;
            rowElement = null;
        }

        private void flushParagraph() {
            if (!HtmlCellText.isBlank(paragraph)) {
                for (String line : HtmlCellText.split(paragraph)) {
                    lines.add(SourceLine.of(line));
                }
            }
            paragraph.setLength(0);
        }
    }
}
