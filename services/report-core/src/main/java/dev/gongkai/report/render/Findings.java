package dev.gongkai.report.render;

import dev.gongkai.report.rules.Finding;

/**
 * One finding as one line of JSON: {@code {"rule","severity","cells","message_zh","message_en"}}, the shape the
 * CLI prints and other tools read line by line.
 */
public final class Findings {

    private Findings() {}

    /** Compact JSON without a trailing newline. */
    public static String toJson(Finding finding) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"rule\":");
        JsonText.string(out, finding.rule());
        out.append(",\"severity\":");
        JsonText.string(out, finding.severity().code());
        out.append(",\"cells\":[");
        for (int i = 0; i < finding.cells().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonText.string(out, finding.cells().get(i));
        }
        out.append("],\"message_zh\":");
        JsonText.string(out, finding.messageZh());
        out.append(",\"message_en\":");
        JsonText.string(out, finding.messageEn());
        return out.append('}').toString();
    }
}
