package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.rules.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The real corpus ({@code fixtures/real/reports/}: 16 published reports as retrieved; {@code fixtures/real/truth.json}), read cell by
 * cell against the truth. A ratchet: a cell never takes a wrong value (nor a false blank); every cell the importer
 * does not read is named by one of its findings (unreadable, with the reason); and the cells not read are exactly
 * those recorded per file in {@code imports/real-corpus-expectations.txt}, so a file getting worse fails, and a
 * file getting better fails until its record is tightened.
 */
class RealCorpusTest {

    private static final String FOLDER = "/fixtures/real/";
    private static final Map<String, String> SUMMARY = new ConcurrentSkipListMap<>();
    private static final Map<String, String> RECORD = new ConcurrentSkipListMap<>();

    record Truth(String file, String agency, int year, String format, Map<String, JsonNode> cells, Set<String> blank) {
        @Override
        public String toString() {
            return file;
        }
    }

    record Expectation(Set<String> unreadable, Set<String> unverified) {}

    static Stream<Truth> files() {
        JsonNode root = new ObjectMapper().readTree(resource(FOLDER + "truth.json"));
        List<Truth> truths = new ArrayList<>();
        for (JsonNode entry : root) {
            Map<String, JsonNode> cells = new TreeMap<>();
            entry.get("cells").properties().forEach(e -> cells.put(e.getKey(), e.getValue()));
            Set<String> blank = new TreeSet<>();
            entry.get("blank").forEach(b -> blank.add(b.asString()));
            truths.add(new Truth(
                    entry.get("file").asString(),
                    entry.get("agency").asString(),
                    entry.get("year").asInt(),
                    entry.get("format").asString(),
                    cells,
                    blank));
        }
        return truths.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsEveryCellRightOrNamesItUnreadable(Truth truth) throws Exception {
        ImportResult result = ReportReader.read(resource(FOLDER + "reports/" + truth.file()));
        AnnualReport report = result.report();
        Expectation expected = expectations().getOrDefault(truth.file(), new Expectation(Set.of(), Set.of()));

        List<String> wrong = new ArrayList<>();
        Set<String> unread = new TreeSet<>();
        int exact = 0;
        for (Map.Entry<String, JsonNode> cell : truth.cells().entrySet()) {
            String key = cell.getKey();
            CellValue value = report.cells().get(key);
            if (value == null) {
                if (report.blank().contains(key)) {
                    wrong.add(key + ": " + cell.getValue() + " read as blank");
                } else {
                    unread.add(key);
                }
            } else if (matches(report, key, cell.getValue(), value)) {
                exact++;
            } else {
                wrong.add(key + ": " + cell.getValue() + " read as " + value);
            }
        }
        for (String blank : report.blank()) {
            if (!truth.blank().contains(blank)
                    && !truth.cells().containsKey(blank)
                    && !expected.unverified().contains(blank)) {
                wrong.add(blank + ": read as blank, not a cell of the truth");
            }
        }
        List<String> extra = new ArrayList<>();
        for (String key : report.cells().keySet()) {
            if (!truth.cells().containsKey(key) && !expected.unverified().contains(key)) {
                extra.add(key + " = " + report.cells().get(key));
            }
        }
        Set<String> named = new HashSet<>();
        for (Finding finding : result.findings()) {
            named.addAll(finding.cells());
        }
        Set<String> unexplained = new TreeSet<>(unread);
        unexplained.removeAll(named);

        SUMMARY.put(
                truth.file(),
                "| " + truth.file() + " | " + report.format().code() + " | " + exact + " / "
                        + truth.cells().size() + " | " + unread.size() + " | " + wrong.size() + " |");

        RECORD.put(truth.file(), unread.isEmpty() ? "" : truth.file() + " unreadable " + String.join(" ", unread));

        assertThat(wrong).as("cells read with a wrong value (never acceptable)").isEmpty();
        assertThat(extra)
                .as("cells read that the truth does not hold (a wrong format's keys, or a guess)")
                .isEmpty();
        assertThat(report.format().code()).as("format").isEqualTo(truth.format());
        assertThat(report.year()).as("year").isEqualTo(truth.year());
        assertThat(report.agency()).as("agency").isEqualTo(truth.agency());
        assertThat(unexplained)
                .as("cells neither read nor named unreadable by a finding")
                .isEmpty();
        assertThat(unread)
                .as("cells not read; when fewer than recorded, tighten imports/real-corpus-expectations.txt")
                .isEqualTo(expected.unreadable());
    }

    @AfterAll
    static void printSummary() {
        System.out.println("| file | format | cells exact / truth | unreadable | wrong |");
        SUMMARY.values().forEach(System.out::println);
        System.out.println("# this run's cells not read, as imports/real-corpus-expectations.txt records them:");
        RECORD.values().stream().filter(line -> !line.isEmpty()).forEach(System.out::println);
    }

    static boolean matches(AnnualReport report, String key, JsonNode truth, CellValue value) {
        CellType type = report.layout().cell(key).map(CellDefinition::type).orElse(CellType.COUNT);
        if (type == CellType.TEXT) {
            return value instanceof CellValue.Text(String text) && text.equals(truth.asString())
                    || value instanceof CellValue.Numeric(BigDecimal number)
                            && number.compareTo(new BigDecimal(truth.asString())) == 0;
        }
        BigDecimal expected = truth.isNumber() ? truth.decimalValue() : new BigDecimal(truth.asString());
        return value instanceof CellValue.Numeric(BigDecimal number) && number.compareTo(expected) == 0;
    }

    /** file → its record: lines "FILE unreadable KEY…" and "FILE unverified KEY…"; '#' starts a comment. */
    static Map<String, Expectation> expectations() {
        Map<String, Expectation> map = new TreeMap<>();
        String text = new String(resource("/imports/real-corpus-expectations.txt"), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            Expectation expectation =
                    map.computeIfAbsent(words[0], f -> new Expectation(new TreeSet<>(), new TreeSet<>()));
            Set<String> target = switch (words[1]) {
                case "unreadable" -> expectation.unreadable();
                case "unverified" -> expectation.unverified();
                default -> throw new IllegalArgumentException("bad expectation line: " + line);
            };
            target.addAll(List.of(words).subList(2, words.length));
        }
        return map;
    }

    static byte[] resource(String path) {
        try (InputStream in = RealCorpusTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
