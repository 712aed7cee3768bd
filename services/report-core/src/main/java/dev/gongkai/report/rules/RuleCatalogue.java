package dev.gongkai.report.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every consistency rule of the national format, declared once. The server, the console (to highlight cells) and
 * the CLI all list rules from here; nobody re-implements a rule elsewhere.
 */
public final class RuleCatalogue {

    private static final List<RuleDescription> RULES = List.of(
            new RuleDescription(
                    RuleId.S3_BALANCE,
                    "申请数量勾稽关系",
                    "Applications balance",
                    "表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理",
                    "For every column of table 3: received + carried over = handled total + carried forward",
                    List.of("s3.received.*", "s3.carriedOver.*", "s3.handledTotal.*", "s3.carriedForward.*")),
            new RuleDescription(
                    RuleId.S3_HANDLED_SUM,
                    "办理结果总计",
                    "Handled total",
                    "表三每一列：(七)总计 = 予以公开至其他处理各项之和（2019 年格式为 19 项）",
                    "For every column of table 3: handled total = sum of the result rows (19 rows in the 2019 format)",
                    List.of(
                            "s3.granted.*",
                            "s3.partiallyGranted.*",
                            "s3.denied.*",
                            "s3.unavailable.*",
                            "s3.notProcessed.*",
                            "s3.otherHandling.*",
                            "s3.handledTotal.*")),
            new RuleDescription(
                    RuleId.S3_ROW_TOTAL,
                    "申请人总计",
                    "Applicant total",
                    "表三每一行：总计 = 自然人与五类法人或其他组织之和",
                    "For every row of table 3: total = natural persons + the five kinds of organisations",
                    List.of("s3.*")),
            new RuleDescription(
                    RuleId.S4_TOTAL,
                    "复议诉讼总计",
                    "Review and litigation total",
                    "表四每一组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                    "For every group of table 4: total = upheld + corrected + other + pending",
                    List.of("s4.*")),
            new RuleDescription(
                    RuleId.CELL_MISSING,
                    "未填写",
                    "Cell not filled",
                    "每个单元格都要填写数字；空白不等于 0",
                    "Every cell needs a value; a blank is not a zero",
                    List.of("s2.*", "s2v2019.*", "s3.*", "s4.*")),
            new RuleDescription(
                    RuleId.CELL_RANGE,
                    "数值范围",
                    "Value range",
                    "件数为不小于 0 的整数；收费金额为不小于 0、最多 6 位小数的数（万元）",
                    "Counts are integers ≥ 0; the fee is a decimal ≥ 0 with at most 6 decimals (10,000 yuan)",
                    List.of("s2.*", "s2v2019.*", "s3.*", "s4.*")),
            new RuleDescription(
                    RuleId.NARRATIVE_MISSING,
                    "文字部分缺失",
                    "Narrative missing",
                    "一、五、六部分不能为空；第五部分不能只写“无”",
                    "Sections 1, 5 and 6 must not be empty; section 5 must say more than \"无\"",
                    List.of("s1", "s5", "s6")),
            new RuleDescription(
                    RuleId.STRUCTURE,
                    "结构不符",
                    "Structure",
                    "导入时：缺少格式规定的部分标题或表格，或表格含有格式之外的行列（本地增加的行会报告，不会丢弃）",
                    "On import: a section title or table of the format is missing, or a table has rows or columns the "
                            + "format does not have (local extra rows are reported, not dropped)",
                    List.of()),
            new RuleDescription(
                    RuleId.CARRY_OVER_MATCH,
                    "上年结转衔接",
                    "Carry-over matches last year",
                    "本年“上年结转”应等于上一年度报告的“结转下年度继续办理”，逐格比较",
                    "Carried over this year equals last year's carried forward, cell by cell",
                    List.of("s3.carriedOver.*")),
            new RuleDescription(
                    RuleId.IN_FORCE_CHAIN,
                    "现行有效件数衔接",
                    "In-force chain",
                    "现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件）",
                    "In force = last year's in force + issued − repealed (regulations, normative documents)",
                    List.of("s2.regulations.*", "s2.normativeDocuments.*")),
            new RuleDescription(
                    RuleId.NARRATIVE_YEAR,
                    "年份疑似沿用",
                    "Year looks copied",
                    "文字把其他年份的工作写成本年度的工作（疑似沿用往年文字）",
                    "The narrative speaks of another year's work as if it were the report year (copied text)",
                    List.of("s1", "s5")),
            new RuleDescription(
                    RuleId.NARRATIVE_NUMBER,
                    "文字与表格数字不符",
                    "Narrative contradicts table",
                    "文字中写明的件数（如“新收政府信息公开申请N件”）与表格不一致",
                    "A count stated in the narrative contradicts the table",
                    List.of(
                            "s1",
                            "s3.received.total",
                            "s3.carriedOver.total",
                            "s3.carriedForward.total",
                            "s4.review.total",
                            "s4.litigationDirect.total",
                            "s4.litigationAfterReview.total")),
            new RuleDescription(
                    RuleId.PROBLEMS_COPIED,
                    "与上年度内容雷同",
                    "Copied from last year",
                    "第五部分（或全部文字）与上年度报告重复率大于 50%",
                    "Section 5 (or the whole narrative) is more than 50 % the same as last year's",
                    List.of("s1", "s5", "s6")),
            new RuleDescription(
                    RuleId.YOY_ANOMALY,
                    "同比异常",
                    "Year-on-year anomaly",
                    "主要数量较上年变化超过五倍或降为 0，供审核参考，不影响提交",
                    "A key count changed more than five-fold or fell to 0 against last year: a hint, never blocking",
                    List.of(
                            "s3.received.total",
                            "s3.handledTotal.total",
                            "s3.granted.total",
                            "s4.review.total",
                            "s2.licensing.decisions",
                            "s2.penalties.decisions",
                            "s2.coercion.decisions")),
            new RuleDescription(
                    RuleId.PUBLISHED_LATE,
                    "逾期发布",
                    "Published late",
                    "部门报告应于次年 1 月 31 日前发布，本级政府报告应于次年 3 月 31 日前发布",
                    "Departments publish by 31 January of the next year; compiled government reports by 31 March",
                    List.of()));

    private static final Map<RuleId, RuleDescription> BY_ID = new EnumMap<>(RuleId.class);

    static {
        RULES.forEach(rule -> BY_ID.put(rule.id(), rule));
        if (BY_ID.size() != RuleId.values().length) {
            throw new IllegalStateException("every rule id needs exactly one description");
        }
    }

    private RuleCatalogue() {}

    /** Every rule, in the order of the spec. */
    public static List<RuleDescription> rules() {
        return RULES;
    }

    public static RuleDescription describe(RuleId id) {
        return BY_ID.get(id);
    }
}
