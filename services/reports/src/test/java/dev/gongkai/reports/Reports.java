package dev.gongkai.reports;

import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.TableColumn;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Report contents for tests: a complete 2021-format report that passes every rule of the core. */
public final class Reports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Reports() {}

    /**
     * Every cell filled so that the arithmetic holds: each applicant column received 1 application, granted it,
     * nothing carried; every other count 0; narratives long enough to say something.
     */
    public static Map<String, Object> completeCells(int carriedOver) {
        ReportLayout layout = ReportFormat.V2021.layout();
        Map<String, Object> cells = new LinkedHashMap<>();
        for (CellDefinition cell : layout.cells()) {
            cells.put(cell.key(), cell.key().equals("s2.fees.amount") ? "0" : 0);
        }
        for (TableColumn column : ReportLayout.APPLICANT_COLUMNS) {
            boolean total = column.key().equals("total");
            int per = total ? 6 : 1;
            int over = total ? 6 * carriedOver : carriedOver;
            cells.put("s3.received." + column.key(), per);
            cells.put("s3.carriedOver." + column.key(), over);
            cells.put("s3.granted." + column.key(), per + over);
            cells.put("s3.handledTotal." + column.key(), per + over);
        }
        return cells;
    }

    public static Map<String, String> narrative(int year) {
        return Map.of(
                "s1", year + "年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理依申请公开。",
                "s5", year + "年存在的主要问题是公开内容不够全面，改进措施是加强培训、完善制度、提高质量。",
                "s6", "无。");
    }

    public static String completePatch(int year, int carriedOver) {
        return JSON.writeValueAsString(Map.of("cells", completeCells(carriedOver), "narrative", narrative(year)));
    }

    public static String patch(Map<String, ?> cells) {
        return JSON.writeValueAsString(Map.of("cells", cells));
    }
}
