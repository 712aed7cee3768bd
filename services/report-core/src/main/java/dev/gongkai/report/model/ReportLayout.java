package dev.gongkai.report.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of one national format with their stable cell keys and national labels, declared once. Everything
 * else (rules, importers, renderers, the console, the API) names cells through this layout.
 */
public final class ReportLayout {

    public static final String APPLICANTS = "申请人情况";
    public static final String ORGANISATIONS = "法人或其他组织";
    public static final String RESULTS = "三、本年度办理结果";

    /** Table 三's applicant columns, in order; {@code total} last. */
    public static final List<TableColumn> APPLICANT_COLUMNS = List.of(
            new TableColumn("naturalPerson", "自然人", List.of(APPLICANTS), CellType.COUNT),
            new TableColumn("commercial", "商业企业", List.of(APPLICANTS, ORGANISATIONS), CellType.COUNT),
            new TableColumn("research", "科研机构", List.of(APPLICANTS, ORGANISATIONS), CellType.COUNT),
            new TableColumn("publicInterest", "社会公益组织", List.of(APPLICANTS, ORGANISATIONS), CellType.COUNT),
            new TableColumn("legalService", "法律服务机构", List.of(APPLICANTS, ORGANISATIONS), CellType.COUNT),
            new TableColumn("otherOrg", "其他", List.of(APPLICANTS, ORGANISATIONS), CellType.COUNT),
            new TableColumn("total", "总计", List.of(APPLICANTS), CellType.COUNT));

    private static final ReportLayout V2021 =
            new ReportLayout(ReportFormat.V2021, table2v2021(), table3(false), table4());
    private static final ReportLayout V2019 =
            new ReportLayout(ReportFormat.V2019, table2v2019(), table3(true), table4());

    private final ReportFormat format;
    private final List<ReportTable> tables;
    private final Map<String, CellDefinition> cells;
    private final List<CellDefinition> cellList;

    private ReportLayout(ReportFormat format, ReportTable... tables) {
        this.format = format;
        this.tables = List.of(tables);
        Map<String, CellDefinition> byKey = new LinkedHashMap<>();
        for (ReportTable table : tables) {
            for (TableRow row : table.rows()) {
                for (TableColumn column : row.columns()) {
                    byKey.put(row.cellKey(column), new CellDefinition(row.cellKey(column), table, row, column));
                }
            }
        }
        this.cells = Collections.unmodifiableMap(byKey);
        this.cellList = List.copyOf(byKey.values());
    }

    /** Every cell key of both formats, mapped to itself: one String instance per key. */
    private static final Map<String, String> KEYS = new java.util.HashMap<>();

    static {
        for (ReportLayout layout : List.of(V2021, V2019)) {
            layout.cells.keySet().forEach(key -> KEYS.putIfAbsent(key, key));
        }
    }

    /**
     * The layout's own instance of a cell key, or {@code key} itself when no format has it. Reports keep these
     * instances, so the hundreds of thousands of key lookups a second that checks make end at an identity test.
     */
    public static String canonicalKey(String key) {
        return KEYS.getOrDefault(key, key);
    }

    public static ReportLayout of(ReportFormat format) {
        return format == ReportFormat.V2021 ? V2021 : V2019;
    }

    public ReportFormat format() {
        return format;
    }

    /** Tables 二, 三, 四 in order. */
    public List<ReportTable> tables() {
        return tables;
    }

    public ReportTable table(Section section) {
        return tables.stream()
                .filter(t -> t.section() == section)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table in section " + section));
    }

    /** Every cell of the format, in the national reading order. */
    public List<CellDefinition> cells() {
        return cellList;
    }

    public Optional<CellDefinition> cell(String key) {
        return Optional.ofNullable(cells.get(key));
    }

    public boolean hasCell(String key) {
        return cells.containsKey(key);
    }

    /** Table 三's result rows from {@code granted} to the last 其他处理 row (21 in 2021, 19 in 2019). */
    public List<TableRow> resultRows() {
        List<TableRow> rows = table(Section.S3).rows();
        int from = indexOf(rows, "s3.granted");
        int to = indexOf(rows, "s3.handledTotal");
        return rows.subList(from, to);
    }

    private static int indexOf(List<TableRow> rows, String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("no row " + key);
    }

    // ---- the national tables -------------------------------------------------------------------------------

    private static ReportTable table2v2021() {
        var documents = List.of(
                new TableColumn("issued", "本年制发件数", List.of(), CellType.COUNT),
                new TableColumn("repealed", "本年废止件数", List.of(), CellType.COUNT),
                new TableColumn("inForce", "现行有效件数", List.of(), CellType.COUNT));
        var decisions = List.of(new TableColumn("decisions", "本年处理决定数量", List.of(), CellType.COUNT));
        return new ReportTable(
                Section.S2,
                "s2",
                List.of(
                        new TableRow("s2.regulations", "规章", List.of("第二十条第(一)项"), documents),
                        new TableRow("s2.normativeDocuments", "行政规范性文件", List.of("第二十条第(一)项"), documents),
                        new TableRow("s2.licensing", "行政许可", List.of("第二十条第(五)项"), decisions),
                        new TableRow("s2.penalties", "行政处罚", List.of("第二十条第(六)项"), decisions),
                        new TableRow("s2.coercion", "行政强制", List.of("第二十条第(六)项"), decisions),
                        new TableRow(
                                "s2.fees",
                                "行政事业性收费",
                                List.of("第二十条第(八)项"),
                                List.of(new TableColumn("amount", "本年收费金额(单位:万元)", List.of(), CellType.AMOUNT)))));
    }

    private static ReportTable table2v2019() {
        var documents = List.of(
                new TableColumn("created", "本年新制作数量", List.of(), CellType.COUNT),
                new TableColumn("published", "本年新公开数量", List.of(), CellType.COUNT),
                new TableColumn("totalPublic", "对外公开总数量", List.of(), CellType.COUNT));
        var items = List.of(
                new TableColumn("previousItems", "上一年项目数量", List.of(), CellType.COUNT),
                new TableColumn("change", "本年增/减", List.of(), CellType.SIGNED_COUNT),
                new TableColumn("decisions", "处理决定数量", List.of(), CellType.COUNT));
        return new ReportTable(
                Section.S2,
                "s2v2019",
                List.of(
                        new TableRow("s2v2019.regulations", "规章", List.of("第二十条第(一)项"), documents),
                        new TableRow("s2v2019.normativeDocuments", "规范性文件", List.of("第二十条第(一)项"), documents),
                        new TableRow("s2v2019.licensing", "行政许可", List.of("第二十条第(五)项"), items),
                        new TableRow("s2v2019.otherServices", "其他对外管理服务事项", List.of("第二十条第(五)项"), items),
                        new TableRow("s2v2019.penalties", "行政处罚", List.of("第二十条第(六)项"), items),
                        new TableRow("s2v2019.coercion", "行政强制", List.of("第二十条第(六)项"), items),
                        new TableRow("s2v2019.fees", "行政事业性收费", List.of("第二十条第(八)项"), items.subList(0, 2)),
                        new TableRow(
                                "s2v2019.procurement",
                                "政府集中采购",
                                List.of("第二十条第(九)项"),
                                List.of(
                                        new TableColumn("items", "采购项目数量", List.of(), CellType.COUNT),
                                        new TableColumn("amount", "采购总金额", List.of(), CellType.TEXT)))));
    }

    private static ReportTable table3(boolean format2019) {
        List<TableRow> rows = new ArrayList<>();
        rows.add(row3("received", "一、本年新收政府信息公开申请数量"));
        rows.add(row3("carriedOver", "二、上年结转政府信息公开申请数量"));
        rows.add(row3("granted", "(一)予以公开", RESULTS));
        rows.add(row3("partiallyGranted", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", RESULTS));
        String denied = "(三)不予公开";
        rows.add(row3("denied.stateSecret", "1.属于国家秘密", RESULTS, denied));
        rows.add(row3("denied.lawProhibited", "2.其他法律行政法规禁止公开", RESULTS, denied));
        rows.add(row3("denied.safetyStability", "3.危及“三安全一稳定”", RESULTS, denied));
        rows.add(row3("denied.thirdPartyRights", "4.保护第三方合法权益", RESULTS, denied));
        rows.add(row3("denied.internalAffairs", "5.属于三类内部事务信息", RESULTS, denied));
        rows.add(row3("denied.processInformation", "6.属于四类过程性信息", RESULTS, denied));
        rows.add(row3("denied.enforcementFiles", "7.属于行政执法案卷", RESULTS, denied));
        rows.add(row3("denied.administrativeQuery", "8.属于行政查询事项", RESULTS, denied));
        String unavailable = "(四)无法提供";
        rows.add(row3("unavailable.notHeld", "1.本机关不掌握相关政府信息", RESULTS, unavailable));
        rows.add(row3("unavailable.needsCreation", "2.没有现成信息需要另行制作", RESULTS, unavailable));
        rows.add(row3("unavailable.unclearAfterCorrection", "3.补正后申请内容仍不明确", RESULTS, unavailable));
        String notProcessed = "(五)不予处理";
        rows.add(row3("notProcessed.petitionComplaint", "1.信访举报投诉类申请", RESULTS, notProcessed));
        rows.add(row3("notProcessed.repeated", "2.重复申请", RESULTS, notProcessed));
        rows.add(row3("notProcessed.publication", "3.要求提供公开出版物", RESULTS, notProcessed));
        rows.add(row3("notProcessed.massRepeated", "4.无正当理由大量反复申请", RESULTS, notProcessed));
        rows.add(row3("notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息", RESULTS, notProcessed));
        if (format2019) {
            rows.add(row3("otherHandling", "(六)其他处理", RESULTS));
        } else {
            String other = "(六)其他处理";
            rows.add(row3("otherHandling.overdueCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", RESULTS, other));
            rows.add(row3("otherHandling.overdueFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", RESULTS, other));
            rows.add(row3("otherHandling.other", "3.其他", RESULTS, other));
        }
        rows.add(row3("handledTotal", "(七)总计", RESULTS));
        rows.add(row3("carriedForward", "四、结转下年度继续办理"));
        return new ReportTable(Section.S3, "s3", rows);
    }

    private static TableRow row3(String key, String label, String... groups) {
        return new TableRow("s3." + key, label, List.of(groups), APPLICANT_COLUMNS);
    }

    private static ReportTable table4() {
        return new ReportTable(
                Section.S4,
                "s4",
                List.of(
                        new TableRow("s4.review", "行政复议", List.of(), columns4(List.of("行政复议"))),
                        new TableRow(
                                "s4.litigationDirect",
                                "未经复议直接起诉",
                                List.of("行政诉讼"),
                                columns4(List.of("行政诉讼", "未经复议直接起诉"))),
                        new TableRow(
                                "s4.litigationAfterReview",
                                "复议后起诉",
                                List.of("行政诉讼"),
                                columns4(List.of("行政诉讼", "复议后起诉")))));
    }

    private static List<TableColumn> columns4(List<String> groups) {
        return List.of(
                new TableColumn("upheld", "结果维持", groups, CellType.COUNT),
                new TableColumn("corrected", "结果纠正", groups, CellType.COUNT),
                new TableColumn("other", "其他结果", groups, CellType.COUNT),
                new TableColumn("pending", "尚未审结", groups, CellType.COUNT),
                new TableColumn("total", "总计", groups, CellType.COUNT));
    }
}
