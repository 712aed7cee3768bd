package dev.gongkai.report.model;

import dev.gongkai.contract.CellState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One agency's annual report for one year, as the canonical JSON describes it. Immutable.
 *
 * <p>A cell is in exactly one of three states: it has a value ({@link #cells()}), the source left it empty
 * ({@link #blank()}), or the source did not hold it at all (truncated or partial input: in neither). A blank is
 * never a zero.
 *
 * @param format      the national format the report follows
 * @param year        the report year (the year whose work is reported), when known
 * @param agency      the agency's name as the report writes it, when known
 * @param publishedOn the date the report carries (落款日期) or was published, when known
 * @param narrative   the narrative sections by key ({@code s1}, {@code s5}, {@code s6}); absent when not found
 * @param cells       every cell with a value, by key, sorted
 * @param blank       the cells the source left empty, sorted
 */
public record AnnualReport(
        ReportFormat format,
        Integer year,
        String agency,
        LocalDate publishedOn,
        SortedMap<String, String> narrative,
        SortedMap<String, CellValue> cells,
        SortedSet<String> blank) {

    public AnnualReport {
        Objects.requireNonNull(format, "format");
        narrative = Collections.unmodifiableSortedMap(new TreeMap<>(narrative));
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
        blank = Collections.unmodifiableSortedSet(new TreeSet<>(blank));
        for (String key : cells.keySet()) {
            if (blank.contains(key)) {
                throw new IllegalArgumentException("cell " + key + " is both filled and blank");
            }
        }
    }

    public static Builder builder(ReportFormat format) {
        return new Builder(format);
    }

    public ReportLayout layout() {
        return ReportLayout.of(format);
    }

    public Optional<CellValue> cell(String key) {
        return Optional.ofNullable(cells.get(key));
    }

    /** The cell's number when it holds one; empty when blank, missing or text. */
    public Optional<BigDecimal> number(String key) {
        return cells.get(key) instanceof CellValue.Numeric(BigDecimal value) ? Optional.of(value) : Optional.empty();
    }

    public String narrative(Section section) {
        return narrative.get(section.key());
    }

    /** Which of the three states the cell is in. */
    public CellState cellState(String key) {
        return cells.containsKey(key) ? CellState.VALUE : blank.contains(key) ? CellState.BLANK : CellState.ABSENT;
    }

    /** Whether the cell reads differently in {@code other}: another state, or another value. */
    public boolean cellDiffers(AnnualReport other, String key) {
        return cellState(key) != other.cellState(key) || !Objects.equals(cells.get(key), other.cells.get(key));
    }

    public Builder toBuilder() {
        Builder builder = new Builder(format).year(year).agency(agency).publishedOn(publishedOn);
        builder.narrative.putAll(narrative);
        builder.cells.putAll(cells);
        builder.blank.addAll(blank);
        return builder;
    }

    /** Builds a report cell by cell; setting a value clears a blank and the other way round. */
    public static final class Builder {
        private final ReportFormat format;
        private Integer year;
        private String agency;
        private LocalDate publishedOn;
        private final Map<String, String> narrative = new TreeMap<>();
        private final Map<String, CellValue> cells = new TreeMap<>();
        private final SortedSet<String> blank = new TreeSet<>();

        private Builder(ReportFormat format) {
            this.format = Objects.requireNonNull(format, "format");
        }

        public Builder year(Integer year) {
            this.year = year;
            return this;
        }

        public Builder agency(String agency) {
            this.agency = agency;
            return this;
        }

        public Builder publishedOn(LocalDate publishedOn) {
            this.publishedOn = publishedOn;
            return this;
        }

        public Builder narrative(String sectionKey, String text) {
            if (text == null) {
                narrative.remove(sectionKey);
            } else {
                narrative.put(sectionKey, text);
            }
            return this;
        }

        public Builder narrative(Section section, String text) {
            return narrative(section.key(), text);
        }

        public Builder cell(String key, CellValue value) {
            if (value == null) {
                return blank(key);
            }
            key = ReportLayout.canonicalKey(key);
            blank.remove(key);
            cells.put(key, value);
            return this;
        }

        public Builder cell(String key, long value) {
            return cell(key, CellValue.of(value));
        }

        public Builder cell(String key, BigDecimal value) {
            return cell(key, CellValue.of(value));
        }

        public Builder blank(String key) {
            key = ReportLayout.canonicalKey(key);
            cells.remove(key);
            blank.add(key);
            return this;
        }

        /** Forgets the cell: neither value nor blank, as if the source never held it. */
        public Builder absent(String key) {
            cells.remove(key);
            blank.remove(key);
            return this;
        }

        public boolean has(String key) {
            return cells.containsKey(key) || blank.contains(key);
        }

        public ReportFormat format() {
            return format;
        }

        public AnnualReport build() {
            return new AnnualReport(
                    format, year, agency, publishedOn, new TreeMap<>(narrative), new TreeMap<>(cells), blank);
        }
    }
}
