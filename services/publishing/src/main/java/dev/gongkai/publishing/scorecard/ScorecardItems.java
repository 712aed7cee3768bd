package dev.gongkai.publishing.scorecard;

import dev.gongkai.contract.ScorecardPack;
import dev.gongkai.contract.ScorecardPack.Deduction;
import dev.gongkai.contract.ScorecardPack.Item;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.report.rules.RuleCatalogue;
import dev.gongkai.report.rules.RuleDescription;
import dev.gongkai.report.rules.RuleId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link ScorecardPack} may deduct for and how each is named: the pack's own items, then every rule of the
 * catalogue; the default pack, and the checks a pack must pass before it is saved.
 */
final class ScorecardItems {

    private ScorecardItems() {}

    private static final List<String> ITEMS = List.of(
            ScorecardPack.REPORT_MISSING,
            ScorecardPack.PUBLISHED_AFTER_LINE,
            ScorecardPack.DATA_INCONSISTENT,
            ScorecardPack.WEBSITE_URL_MISSING);

    /** The usual provincial sheet on a base of 100 with the legal deadline as the line. */
    public static ScorecardPack defaultFor(int year) {
        return new ScorecardPack(
                year,
                new BigDecimal("100"),
                null,
                List.of(
                        new Deduction(ScorecardPack.REPORT_MISSING, new BigDecimal("2"), "未发布年度报告"),
                        new Deduction(ScorecardPack.PUBLISHED_AFTER_LINE, new BigDecimal("1"), "未按时发布"),
                        new Deduction(RuleId.PROBLEMS_COPIED.name(), new BigDecimal("0.5"), "与上年度重复率大于50%"),
                        new Deduction(ScorecardPack.DATA_INCONSISTENT, new BigDecimal("0.5"), "数据勾稽关系不符"),
                        new Deduction(ScorecardPack.WEBSITE_URL_MISSING, new BigDecimal("0.5"), "未在本机关网站年报栏目发布")),
                true,
                null,
                null,
                null,
                null);
    }

    /** What an item is called on a page or a sheet: the pack's own items by name, a rule by its catalogue title. */
    public static String itemZh(String item) {
        return switch (item) {
            case ScorecardPack.REPORT_MISSING -> "逾期未发布年度报告";
            case ScorecardPack.PUBLISHED_AFTER_LINE -> "未按时发布";
            case ScorecardPack.DATA_INCONSISTENT -> "数据勾稽关系不符";
            case ScorecardPack.WEBSITE_URL_MISSING -> "未在本机关网站年报栏目发布";
            default -> rule(item).map(RuleDescription::titleZh).orElse(item);
        };
    }

    public static String itemEn(String item) {
        return switch (item) {
            case ScorecardPack.REPORT_MISSING -> "Not published by the line";
            case ScorecardPack.PUBLISHED_AFTER_LINE -> "Published after the line";
            case ScorecardPack.DATA_INCONSISTENT -> "The figures do not add up";
            case ScorecardPack.WEBSITE_URL_MISSING -> "Not posted on the agency's own site";
            default -> rule(item).map(RuleDescription::titleEn).orElse(item);
        };
    }

    private static java.util.Optional<RuleDescription> rule(String item) {
        for (RuleId rule : RuleId.values()) {
            if (rule.name().equals(item)) {
                return java.util.Optional.of(RuleCatalogue.describe(rule));
            }
        }
        return java.util.Optional.empty();
    }

    /** Every item a pack may hold: the pack's own four, then every rule of the catalogue in the spec's order. */
    public static List<Item> items() {
        List<Item> items = new java.util.ArrayList<>();
        for (String item : ITEMS) {
            items.add(new Item(item, itemZh(item), itemEn(item)));
        }
        RuleCatalogue.rules().forEach(rule -> items.add(new Item(rule.id().name(), rule.titleZh(), rule.titleEn())));
        return items;
    }

    /** The label the office gave the item, else its name. */
    public static String label(String item, String labelZh) {
        return labelZh != null && !labelZh.isBlank() ? labelZh : itemZh(item);
    }

    static boolean knownItem(String item) {
        if (ITEMS.contains(item)) {
            return true;
        }
        return rule(item).isPresent();
    }

    /** Refuses a pack that could not be scored with: 400 naming the field. */
    static void validate(int year, BigDecimal base, LocalDate line, List<Deduction> deductions) {
        if (base == null || base.signum() <= 0 || base.compareTo(new BigDecimal("1000")) > 0) {
            throw new ApiException(ProblemCode.SCORECARD_BASE_INVALID).atField("base");
        }
        if (line != null && line.getYear() <= year) {
            throw new ApiException(ProblemCode.SCORECARD_LINE_INVALID, year + 1).atField("line");
        }
        if (deductions == null) {
            throw new ApiException(ProblemCode.SCORECARD_DEDUCTIONS_REQUIRED).atField("deductions");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < deductions.size(); i++) {
            Deduction d = deductions.get(i);
            String field = "deductions[" + i + "]";
            if (d == null || d.item() == null || !knownItem(d.item())) {
                ApiException unknown = d == null
                        ? new ApiException(ProblemCode.SCORECARD_ITEM_UNKNOWN)
                        : new ApiException(ProblemCode.SCORECARD_ITEM_UNKNOWN, d.item()).variant("named");
                throw unknown.atField(field + ".item");
            }
            if (!seen.add(d.item())) {
                throw new ApiException(ProblemCode.SCORECARD_ITEM_DUPLICATE, d.item()).atField(field + ".item");
            }
            if (d.points() == null || d.points().signum() < 0 || d.points().compareTo(base) > 0) {
                throw new ApiException(ProblemCode.SCORECARD_POINTS_INVALID).atField(field + ".points");
            }
        }
    }
}
