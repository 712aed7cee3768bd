package dev.gongkai.report.roundtrip;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportTable;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.model.TableRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Valid reports of both formats for round trips: random counts, amounts with up to six decimals, blanks, and
 * narratives of CJK text (no empty lines, no spaces at either end of a line).
 *
 * <p>Two shapes. {@link #anything()} uses every state the model has (absent cells, unknown year or agency, text
 * in number cells), which JSON and CSV must carry. {@link #publishable()} is what a published page can express:
 * every cell drawn (a value or a blank), the title, the three narratives and the signature present.
 */
final class GeneratedReports {

    /** Characters that never make a line look like a title, a numbered heading, a table row or a date. */
    private static final String TEXT =
            "政务公开工作持续推进平台建设服务群众规范管理制度完善落实要求加强信息发布解读回应" + "依法主动申请办理答复渠道网站栏目更新维护培训监督考核质量效率便民利企改革优化流程事项指南标准目录";

    private static final List<String> AGENCIES =
            List.of("乌海市公安局", "淮安市人民政府", "杭州市西湖区教育局", "深圳市市场监督管理局", "成都市武侯区人民政府办公室", "北京市朝阳区卫生健康委员会", "国家税务总局某市税务局");

    private GeneratedReports() {}

    /**
     * The seeds of a run: the same every run, so a failure names the seed that reproduces it
     * ({@code -Dgongkai.seed=} moves the whole run elsewhere).
     */
    static Stream<Long> seeds(int count) {
        long base = Long.getLong("gongkai.seed", 20_261_128L);
        return LongStream.range(base, base + count).boxed();
    }

    static AnnualReport anything(long seed) {
        return generate(new Random(seed), false);
    }

    static AnnualReport publishable(long seed) {
        return generate(new Random(seed), true);
    }

    /**
     * A publishable report with what a partial page can lack: whole rows of tables 二 and 三, or a whole table (a
     * page cut short). Table 四's groups share one row of values, so only the whole table goes.
     */
    static AnnualReport partial(long seed) {
        Random random = new Random(seed);
        AnnualReport.Builder builder = generate(random, true).toBuilder();
        ReportFormat format = builder.format();
        List<ReportTable> tables = format.layout().tables();
        if (random.nextInt(3) == 0) {
            absent(builder, tables.get(random.nextInt(tables.size())).rows());
        } else {
            for (int i = 0; i <= random.nextInt(3); i++) {
                ReportTable table = tables.get(random.nextInt(2));
                absent(
                        builder,
                        List.of(table.rows().get(random.nextInt(table.rows().size()))));
            }
        }
        return builder.build();
    }

    private static void absent(AnnualReport.Builder builder, List<TableRow> rows) {
        for (TableRow row : rows) {
            row.columns().forEach(column -> builder.absent(row.cellKey(column)));
        }
    }

    static AnnualReport generate(Random random, boolean publishable) {
        ReportFormat format = random.nextBoolean() ? ReportFormat.V2021 : ReportFormat.V2019;
        int year = format == ReportFormat.V2021 ? 2021 + random.nextInt(5) : 2019 + random.nextInt(2);
        AnnualReport.Builder builder = AnnualReport.builder(format);
        boolean unknowns = !publishable && random.nextInt(4) == 0;
        builder.year(unknowns && random.nextBoolean() ? null : year);
        builder.agency(unknowns && random.nextBoolean() ? null : AGENCIES.get(random.nextInt(AGENCIES.size())));
        builder.publishedOn(
                unknowns && random.nextBoolean()
                        ? null
                        : LocalDate.of(year + 1, 1 + random.nextInt(3), 1 + random.nextInt(28)));
        for (Section section : Section.NARRATIVES) {
            if (!publishable && random.nextInt(8) == 0) {
                continue;
            }
            builder.narrative(
                    section,
                    section == Section.S6 && random.nextBoolean()
                            ? List.of("无", "(无)", "本年度无其他需要报告的事项。").get(random.nextInt(3))
                            : narrative(random));
        }
        int blankPercent = random.nextInt(4) == 0 ? 30 : 5;
        int absentPercent = publishable ? 0 : random.nextInt(3) == 0 ? 40 : 5;
        for (CellDefinition cell : format.layout().cells()) {
            int roll = random.nextInt(100);
            if (roll < absentPercent) {
                continue;
            }
            if (roll < absentPercent + blankPercent) {
                builder.blank(cell.key());
            } else {
                builder.cell(cell.key(), value(random, cell, publishable));
            }
        }
        return builder.build();
    }

    private static CellValue value(Random random, CellDefinition cell, boolean publishable) {
        if (!publishable && random.nextInt(50) == 0) {
            return CellValue.text("约" + random.nextInt(100));
        }
        return switch (cell.type()) {
            case COUNT -> CellValue.of(count(random));
            case SIGNED_COUNT -> CellValue.of(count(random) * (random.nextBoolean() ? -1 : 1));
            case AMOUNT -> CellValue.of(amount(random));
            case TEXT ->
                CellValue.text(
                        random.nextInt(1_000_000) + List.of("元", "万元", "").get(random.nextInt(3)));
        };
    }

    private static long count(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(10);
            case 2 -> random.nextInt(1000);
            default -> random.nextInt(100_000);
        };
    }

    private static BigDecimal amount(Random random) {
        int scale = random.nextInt(7);
        long unscaled = random.nextInt(4) == 0 ? 0 : Math.abs(random.nextLong() % 10_000_000_000L);
        return BigDecimal.valueOf(unscaled, scale);
    }

    private static String narrative(Random random) {
        int lines = 1 + random.nextInt(4);
        List<String> text = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            StringBuilder line = new StringBuilder();
            int length = 4 + random.nextInt(60);
            for (int c = 0; c < length; c++) {
                line.append(TEXT.charAt(random.nextInt(TEXT.length())));
            }
            text.add(line.append('。').toString());
        }
        return String.join("\n", text);
    }
}
