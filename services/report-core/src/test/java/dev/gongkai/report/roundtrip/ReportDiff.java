package dev.gongkai.report.roundtrip;

import dev.gongkai.report.model.AnnualReport;
import java.util.Objects;
import java.util.TreeSet;

/** What differs between two reports, named cell by cell, so a failed round trip says exactly what it lost. */
final class ReportDiff {

    private ReportDiff() {}

    static String describe(AnnualReport expected, AnnualReport actual) {
        StringBuilder out = new StringBuilder();
        field(out, "format", expected.format(), actual.format());
        field(out, "year", expected.year(), actual.year());
        field(out, "agency", expected.agency(), actual.agency());
        field(out, "publishedOn", expected.publishedOn(), actual.publishedOn());
        TreeSet<String> sections = new TreeSet<>(expected.narrative().keySet());
        sections.addAll(actual.narrative().keySet());
        for (String section : sections) {
            field(
                    out,
                    "narrative." + section,
                    expected.narrative().get(section),
                    actual.narrative().get(section));
        }
        TreeSet<String> keys = new TreeSet<>(expected.cells().keySet());
        keys.addAll(actual.cells().keySet());
        keys.addAll(expected.blank());
        keys.addAll(actual.blank());
        for (String key : keys) {
            field(out, key, state(expected, key), state(actual, key));
        }
        return out.toString();
    }

    private static String state(AnnualReport report, String key) {
        if (report.blank().contains(key)) {
            return "<blank>";
        }
        return report.cell(key)
                .map(v -> v.getClass().getSimpleName() + "(" + v + ")")
                .orElse("<absent>");
    }

    private static void field(StringBuilder out, String name, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            out.append("  ")
                    .append(name)
                    .append(": expected ")
                    .append(expected)
                    .append(", got ")
                    .append(actual)
                    .append('\n');
        }
    }
}
