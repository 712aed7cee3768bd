package dev.gongkai.report.labels;

import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.rules.RuleCatalogue;
import dev.gongkai.report.rules.RuleDescription;
import dev.gongkai.report.rules.RuleId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The words a person reads for the machine's names, in one place for the console, the portal, CSV and PDF: report
 * statuses ({@code status.*}), workflow actions ({@code action.*}), finding severities ({@code severity.*}), the
 * office's compliance states ({@code compliance.*}) from the
 * bundle {@value #BUNDLE} (also a Spring message source basename, so pages write {@code #{status.DRAFT}}), rule
 * titles from the {@link RuleCatalogue}, and cells named as the national table names them.
 */
public final class Labels {

    /** The bundle's base name, as Spring's message sources and {@link ResourceBundle} spell it. */
    public static final String BUNDLE = "dev/gongkai/report/labels/labels";

    /** Statuses of a report, the office's "no report yet" included; every one has a label in both languages. */
    public static final List<String> STATUSES = List.of(
            "NONE", "NOT_STARTED", "DRAFT", "PENDING_SIGNOFF", "SUBMITTED", "RETURNED", "APPROVED", "PUBLISHED");
    /** The workflow's actions by their API codes. */
    public static final List<String> ACTIONS =
            List.of("request-signoff", "submit", "withdraw", "return", "approve", "publish", "correct");

    public static final List<String> SEVERITIES = List.of("error", "warning", "info", "compliance");
    /** Whether a report was published by its legal deadline, as the office's compliance list says it. */
    public static final List<String> COMPLIANCE =
            Arrays.stream(ComplianceRow.Compliance.values()).map(Enum::name).toList();

    private Labels() {}

    public static String status(String status, Locale locale) {
        return word("status." + (status == null || status.isBlank() ? "NONE" : status), locale);
    }

    public static String action(String code, Locale locale) {
        return word("action." + code, locale);
    }

    public static String compliance(String compliance, Locale locale) {
        return word("compliance." + compliance, locale);
    }

    public static String severity(String severity, Locale locale) {
        return word("severity." + severity.toLowerCase(Locale.ROOT), locale);
    }

    /** The rule's title ("申请人总计"); a rule id the catalogue does not know stays out of sight as "检查". */
    public static String rule(String id, Locale locale) {
        Optional<RuleId> rule =
                Arrays.stream(RuleId.values()).filter(r -> r.name().equals(id)).findFirst();
        if (rule.isEmpty()) {
            return word("rule.unknown", locale);
        }
        RuleDescription description = RuleCatalogue.describe(rule.get());
        return english(locale) ? description.titleEn() : description.titleZh();
    }

    /**
     * A cell as the national table names it, the same in both languages because the tables are the national
     * (Chinese) form: "三、(七)总计 · 总计", "第二十条第(五)项 行政许可 · 本年处理决定数量"; a narrative section by
     * its title. Keys of neither format come back as they are (they are not the format's, so nothing better exists).
     */
    public static String cell(String key, Locale locale) {
        if (key == null) {
            return "";
        }
        for (Section section : Section.NARRATIVES) {
            if (section.key().equals(key)) {
                return english(locale) ? section.titleEn() : section.titleZh();
            }
        }
        for (ReportFormat format : ReportFormat.values()) {
            Optional<CellDefinition> cell = format.layout().cell(key);
            if (cell.isPresent()) {
                return cell.get().name();
            }
        }
        return key;
    }

    /** Any word of the bundle ({@code cell.lastYear}, {@code cell.carried}, …). */
    public static String word(String key, Locale locale) {
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException missing) {
            throw new IllegalArgumentException("No label for " + key, missing);
        }
    }

    /** The bundle without falling back to the JVM's default locale: Chinese is the base, English its own file. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE.replace('/', '.'),
                english(locale) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static boolean english(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
