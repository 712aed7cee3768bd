package dev.gongkai.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.SourceType;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.rules.Severity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CanonicalJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesTheSeedReportInTheSpecsShape() {
        String json = CanonicalJson.write(SeedReport.report());

        assertThat(json).startsWith("""
                {
                  "format": "2021",
                  "year": 2021,
                  "agency": "乌海市公安局",
                  "publishedOn": "2022-01-19",
                  "narrative": {
                    "s1": "2021年以来,""");
        assertThat(json).contains("""
                    "s6": "(无)"
                  },
                  "cells": {
                    "s2.coercion.decisions": 4,
                    "s2.fees.amount": "0",
                    "s2.licensing.decisions": 5,
                """);
        assertThat(json).endsWith("""
                    "s4.review.upheld": 0
                  },
                  "blank": []
                }
                """);
        JsonNode root = JSON.readTree(json);
        assertThat(names(root))
                .containsExactly("format", "year", "agency", "publishedOn", "narrative", "cells", "blank");
        assertThat(names(root.get("narrative"))).containsExactly("s1", "s5", "s6");
        assertThat(root.get("cells").size()).isEqualTo(10 + 25 * 7 + 15);
        assertThat(names(root.get("cells"))).isSorted();
        assertThat(root.get("cells").get("s2.normativeDocuments.inForce").isIntegralNumber())
                .isTrue();
        assertThat(root.get("cells").get("s2.fees.amount").isString()).isTrue();
    }

    @Test
    void theImportedSeedFixtureWritesTheSameJsonAsTheReportBuiltByHand() throws Exception {
        ImportResult imported = ReportReader.read(SeedReport.fixtureBytes());

        assertThat(CanonicalJson.write(imported.report())).isEqualTo(CanonicalJson.write(SeedReport.report()));
    }

    @Test
    void writesMissingFactsAsNullAndBlanksAsASortedList() {
        AnnualReport report = AnnualReport.builder(ReportFormat.V2019)
                .blank("s3.received.total")
                .blank("s2v2019.fees.change")
                .cell("s2v2019.procurement.amount", CellValue.text("251000元"))
                .cell("s2v2019.licensing.change", -3)
                .build();

        assertThat(CanonicalJson.write(report)).isEqualTo("""
                {
                  "format": "2019",
                  "year": null,
                  "agency": null,
                  "publishedOn": null,
                  "narrative": {},
                  "cells": {
                    "s2v2019.licensing.change": -3,
                    "s2v2019.procurement.amount": "251000元"
                  },
                  "blank": [
                    "s2v2019.fees.change",
                    "s3.received.total"
                  ]
                }
                """);
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        AnnualReport seed = SeedReport.report().toBuilder()
                .cell("s2.fees.amount", new BigDecimal("12.340000"))
                .blank("s3.granted.total")
                .absent("s4.review.total")
                .narrative(Section.S6, "引号\"、反斜杠\\、制表\t与换行\n第二行\u0001")
                .build();

        ImportResult result = CanonicalJson.read(CanonicalJson.writeBytes(seed));

        assertThat(result.source()).isEqualTo(SourceType.JSON);
        assertThat(result.findings()).isEmpty();
        assertThat(result.report()).isEqualTo(seed);
        assertThat(result.report().cell("s2.fees.amount")).contains(CellValue.of(new BigDecimal("12.340000")));
    }

    @Test
    void keepsUnreadableTextInNumberCells() throws Exception {
        AnnualReport report = AnnualReport.builder(ReportFormat.V2021)
                .cell("s3.received.total", CellValue.text("约10"))
                .cell("s2.fees.amount", CellValue.text("见附件"))
                .build();

        String json = CanonicalJson.write(report);

        assertThat(json).contains("\"s3.received.total\": \"约10\"", "\"s2.fees.amount\": \"见附件\"");
        assertThat(CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8)).report())
                .isEqualTo(report);
    }

    @Test
    void reportsUnknownCellKeysInsteadOfDroppingThemSilently() throws Exception {
        String json = """
                {"format": "2021", "year": 2021, "agency": "某局", "publishedOn": null,
                 "cells": {"s3.received.total": 3, "s3.received.subtotal": 2, "s2v2019.procurement.items": 1},
                 "blank": ["s3.nonsense.total", "s3.received.naturalPerson"], "extra": true}
                """;

        ImportResult result = CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(result.report().cells()).containsOnlyKeys("s3.received.total");
        assertThat(result.report().blank()).containsExactly("s3.received.naturalPerson");
        assertThat(result.findings()).extracting(f -> f.rule()).containsOnly("STRUCTURE");
        assertThat(result.findings()).extracting(f -> f.severity()).containsOnly(Severity.ERROR);
        assertThat(result.findings())
                .flatExtracting(f -> f.cells())
                .containsExactlyInAnyOrder("s3.received.subtotal", "s2v2019.procurement.items", "s3.nonsense.total");
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.messageEn()).contains("\"extra\""));
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.messageZh()).contains("s3.received.subtotal", "2"));
    }

    @Test
    void readsJsonSavedWithAByteOrderMark() throws Exception {
        byte[] json = CanonicalJson.writeBytes(SeedReport.report());
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        assertThat(ReportReader.read(withBom).report()).isEqualTo(SeedReport.report());
    }

    @Test
    void refusesMalformedJson() {
        assertThatThrownBy(() -> CanonicalJson.read("{\"format\": \"2021\",".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableReportException.class, e -> {
                    assertThat(e.code()).isEqualTo("DAMAGED");
                    assertThat(e.messageZh()).contains("JSON");
                });
        assertThatThrownBy(() -> CanonicalJson.read(
                        "{\"format\": \"2021\", \"format\": \"2019\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("DAMAGED"));
        assertThatThrownBy(() -> CanonicalJson.read("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_A_REPORT"));
        assertThatThrownBy(() -> CanonicalJson.read("[".repeat(100_000).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableReportException.class);
    }

    @Test
    void refusesAnUnknownFormat() {
        assertThatThrownBy(() -> CanonicalJson.read("{\"format\": \"2025\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableReportException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNKNOWN_FORMAT");
                    assertThat(e.messageZh()).contains("2025");
                    assertThat(e.messageEn()).contains("2025");
                });
        assertThatThrownBy(() -> CanonicalJson.read("{\"year\": 2021}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("UNKNOWN_FORMAT"));
    }

    @Test
    void reportsAValueThatIsNeitherNumberNorText() throws Exception {
        ImportResult result = CanonicalJson.read("""
                {"format": "2021", "publishedOn": "19.01.2022", "cells": {"s3.received.total": [1]}}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(result.report().cells()).isEmpty();
        assertThat(result.report().publishedOn()).isNull();
        assertThat(result.findings()).hasSize(2);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
