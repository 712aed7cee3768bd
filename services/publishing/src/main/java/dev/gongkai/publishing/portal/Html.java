package dev.gongkai.publishing.portal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.gongkai.publishing.revisions.Deadlines;

/** Escaping and formatting shared by the portal's pages. */
final class Html {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(Deadlines.CHINA);

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Beijing time, as the public reads it: {@code 2022-01-19 10:00}. */
    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    static String time(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + dateTime(instant) + "</time>";
    }

    /** The start of a page in one language, with a link to it in the other ({@code path} without {@code lang}). */
    static StringBuilder page(String title, Lang lang, String path) {
        return new StringBuilder(16384).append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag)
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">").append(lang.t("跳到正文", "Skip to content"))
                .append("</a>\n<p class=\"switch\">").append(lang.switchTo(path)).append("</p>\n");
    }

    static String end() {
        return "</main>\n</body>\n</html>\n";
    }

    static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;margin:1.5em auto;\
            max-width:70em;padding:0 1em;line-height:1.6;color:#111;background:#fff}
            a{color:#0645ad}
            a:focus{outline:3px solid #f90}
            .skip{position:absolute;left:-999em}.skip:focus{left:1em;top:1em;background:#fff;padding:.3em}
            table{border-collapse:collapse;margin:.5em 0;width:100%}
            caption{text-align:left;font-weight:bold;padding:.3em 0}
            th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .ontime{color:#05620f}.late,.flag{color:#a40000;font-weight:bold}.none{color:#555}
            nav.crumbs{margin-bottom:1em}
            p.switch{float:right;margin:0}
            ul.tree,ul.tree ul{list-style:none;padding-left:1.2em}ul.tree{padding-left:0}
            form.search input{font-size:1em;padding:.2em;min-width:16em}
            .muted{color:#555}
            dl.publication{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}
            dl.publication dt{font-weight:bold}dl.publication dd{margin:0}
            fieldset{margin:.6em 0;border:1px solid #999}legend{font-weight:bold}
            ul.picks{list-style:none;padding-left:0;margin:.2em 0;columns:2 22em}ul.picks li{break-inside:avoid}
            ul.picks.inline{columns:auto}ul.picks.inline li{display:inline-block;margin-right:1.2em}
            ul.picks li.branch{padding-left:1.5em}
            summary{cursor:pointer;margin:.3em 0}
            button{font-size:1em;padding:.3em 1.2em}
            .scroll{overflow-x:auto}
            figure.chart{margin:1em 0}figure.chart figcaption{font-weight:bold}
            @media print{.skip,nav,.downloads,form{display:none}body{margin:0;max-width:none}a{color:#000;text-decoration:none}}
            """;
}
