package dev.gongkai.report.render;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportTable;
import dev.gongkai.report.model.Section;
import java.nio.charset.StandardCharsets;

/**
 * The report as a self-contained HTML page in the national layout: the title, the six sections, tables 二, 三, 四
 * with the template's row and column spans, and the signature. Tables are accessible: a caption, {@code th} with
 * {@code scope}, and on every value cell the {@code headers} of all the headers that describe it. Each value cell
 * carries {@code data-cell="<key>"} (and {@code data-state="blank"} when the source left it empty) so the console
 * can highlight the cells a finding names. Blanks are drawn empty, never as 0. Everything is escaped.
 */
public final class HtmlRenderer {

    private static final String STYLE = """
            body{font-family:"Source Han Serif SC","Noto Serif CJK SC","SimSun",serif;margin:2em auto;max-width:60em;\
            padding:0 1em;line-height:1.7;color:#000;background:#fff}
            h1{font-size:1.5em;text-align:center}
            h2{font-size:1.15em;margin-top:1.5em}
            p{text-indent:2em;margin:.3em 0}
            table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.9em}
            caption{text-align:left;font-weight:bold;padding:.3em 0}
            th,td{border:1px solid #000;padding:.2em .4em;text-align:center;vertical-align:middle}
            th{font-weight:normal}
            td{min-width:2.5em}
            .item,.note{text-align:left}
            .vertical{writing-mode:vertical-rl;letter-spacing:.2em}
            .signature{text-align:right;margin-top:2em}
            .signature p{text-indent:0}
            @media print{body{margin:0;max-width:none}@page{size:A4;margin:2cm}tr{break-inside:avoid}\
            thead{display:table-header-group}h2{break-after:avoid}}
            """;

    private HtmlRenderer() {}

    /** The title the national format gives the report: "<agency><year>年政府信息公开工作年度报告". */
    public static String title(AnnualReport report) {
        return (report.agency() == null ? "" : report.agency())
                + (report.year() == null ? "" : report.year() + "年")
                + "政府信息公开工作年度报告";
    }

    public static byte[] renderBytes(AnnualReport report) {
        return render(report).getBytes(StandardCharsets.UTF_8);
    }

    public static String render(AnnualReport report) {
        StringBuilder out = new StringBuilder(32768);
        String title = escape(title(report));
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(title)
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n")
                .append("</head>\n<body>\n<article class=\"annual-report\" data-format=\"")
                .append(report.format().code())
                .append("\">\n<h1>")
                .append(title)
                .append("</h1>\n");
        for (Section section : Section.values()) {
            out.append("<section id=\"")
                    .append(section.key())
                    .append("\" aria-labelledby=\"")
                    .append(section.key())
                    .append("-title\">\n<h2 id=\"")
                    .append(section.key())
                    .append("-title\">")
                    .append(escape(section.titleZh()))
                    .append("</h2>\n");
            if (section.kind() == Section.Kind.NARRATIVE) {
                narrative(out, report.narrative(section));
            } else {
                ReportTable table = report.layout().table(section);
                table(out, TableGrid.of(report, table), caption(section));
            }
            out.append("</section>\n");
        }
        signature(out, report);
        return out.append("</article>\n</body>\n</html>\n").toString();
    }

    /** The section's subject without its numeral ("主动公开政府信息情况"), so the title is not read twice. */
    private static String caption(Section section) {
        String title = section.titleZh();
        return title.substring(title.indexOf('、') + 1) + "表";
    }

    private static void narrative(StringBuilder out, String text) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                out.append("<p>").append(escape(line)).append("</p>\n");
            }
        }
    }

    private static void table(StringBuilder out, TableGrid.Grid grid, String caption) {
        if (grid.rows().isEmpty()) {
            return;
        }
        out.append("<table id=\"")
                .append(escape(grid.id()))
                .append("-table\">\n<caption>")
                .append(escape(caption))
                .append("</caption>\n");
        boolean inHead = false;
        boolean inBody = false;
        for (TableGrid.Row row : grid.rows()) {
            if (row.head() && !inHead) {
                out.append("<thead>\n");
                inHead = true;
            } else if (!row.head() && !inBody) {
                out.append(inHead ? "</thead>\n" : "").append("<tbody>\n");
                inHead = false;
                inBody = true;
            }
            out.append("<tr>");
            for (TableGrid.Cell cell : row.cells()) {
                cell(out, cell);
            }
            out.append("</tr>\n");
        }
        out.append(inHead ? "</thead>\n" : "")
                .append(inBody ? "</tbody>\n" : "")
                .append("</table>\n");
    }

    private static void cell(StringBuilder out, TableGrid.Cell cell) {
        String tag = cell.kind() == TableGrid.Kind.HEADER ? "th" : "td";
        out.append('<').append(tag);
        attribute(out, "id", cell.id());
        attribute(out, "scope", cell.scope());
        if (cell.colspan() > 1) {
            attribute(out, "colspan", Integer.toString(cell.colspan()));
        }
        if (cell.rowspan() > 1) {
            attribute(out, "rowspan", Integer.toString(cell.rowspan()));
        }
        attribute(out, "class", cell.cssClass());
        if (!cell.headers().isEmpty()) {
            attribute(out, "headers", String.join(" ", cell.headers()));
        }
        attribute(out, "data-cell", cell.cellKey());
        attribute(out, "data-state", cell.state());
        out.append('>').append(escape(cell.text())).append("</").append(tag).append('>');
    }

    private static void signature(StringBuilder out, AnnualReport report) {
        if (report.agency() == null && report.publishedOn() == null) {
            return;
        }
        out.append("<footer class=\"signature\">\n");
        if (report.agency() != null) {
            out.append("<p>").append(escape(report.agency())).append("</p>\n");
        }
        if (report.publishedOn() != null) {
            out.append("<p><time datetime=\"")
                    .append(report.publishedOn())
                    .append("\">")
                    .append(TextRenderer.chineseDate(report.publishedOn()))
                    .append("</time></p>\n");
        }
        out.append("</footer>\n");
    }

    private static void attribute(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        }
    }

    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
