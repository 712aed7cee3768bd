package dev.gongkai.reports.onboarding;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gongkai.contract.ReportChange;
import dev.gongkai.contract.ReportSource;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.reports.attachments.Attachments;
import dev.gongkai.reports.report.Actor;
import dev.gongkai.reports.report.Actors;
import dev.gongkai.reports.audit.AuditTrail;
import dev.gongkai.reports.report.CheckedReport;
import dev.gongkai.contract.FindingView;
import dev.gongkai.reports.report.ReportEvents;
import dev.gongkai.reports.report.ReportFindings;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.StoredReport;
import dev.gongkai.reports.report.Years;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The office's onboarding: already published reports of the jurisdiction's agencies become their published history,
 * so the cross-year rules work from the first cycle. Each file is matched to an agency by the name the report
 * carries (exact, then normalised) or by the manual mapping; a report already stored for that agency and year is
 * left alone, so a rerun changes nothing.
 * <p>
 * History is only what lies before the cycle being drafted ({@link #lastHistoryYear}): the current cycle's report is
 * drafted, checked and approved through the workflow, never published straight from a file. Imported reports are
 * checked like any other and keep their findings (in the answer and in the audit trail), and reach the portal
 * flagged as imported history.
 */
@Service
class Onboarding {

    private final AgencyAccess access;
    private final AgencyRegistry registry;
    private final AgencyDsl agencyDsl;
    private final ReportStore reports;
    private final AuditTrail audit;
    private final ReportEvents events;
    private final ReportFindings findings;
    private final Actors actors;

    Onboarding(AgencyAccess access, AgencyRegistry registry, AgencyDsl agencyDsl, ReportStore reports,
               AuditTrail audit, ReportEvents events, ReportFindings findings, Actors actors) {
        this.actors = actors;
        this.access = access;
        this.registry = registry;
        this.agencyDsl = agencyDsl;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.findings = findings;
    }

    /**
     * @param outcome  {@code imported}, {@code already-imported}, {@code exists} (another report is stored for that
     *                 year), {@code current-cycle} (not history), {@code unmatched} or {@code unreadable}
     * @param findings what reading and checking an imported report found, else empty
     */
    record FileResult(String file, String outcome, String agency, Integer year, String code,
                      @JsonProperty("message_zh") String messageZh, @JsonProperty("message_en") String messageEn,
                      List<FindingView> findings) {

        FileResult(String file, String outcome, String agency, Integer year, String code, String messageZh,
                   String messageEn) {
            this(file, outcome, agency, year, code, messageZh, messageEn, List.of());
        }
    }

    /**
     * The newest year that is history: reports of year Y are drafted and published in Y + 1 (by January 31), so in
     * year Y (China time) the cycle being drafted is Y - 1, and Y itself has not ended.
     */
    static int lastHistoryYear() {
        return Years.current() - 2;
    }

    @Transactional
    public List<FileResult> importAll(Caller caller, List<ZipEntries.File> files, Map<String, String> mapping) {
        List<Agency> agencies = access.supervisedJurisdictions(caller).stream()
                .flatMap(j -> registry.inJurisdiction(j).stream()).filter(Agency::isActive).toList();
        List<FileResult> results = new ArrayList<>();
        for (ZipEntries.File file : files) {
            results.add(importOne(caller, file, agencies, mapping));
        }
        return results;
    }

    private FileResult importOne(Caller caller, ZipEntries.File file, List<Agency> agencies,
                                 Map<String, String> mapping) {
        ImportResult imported;
        try {
            imported = ReportReader.read(file.content());
        } catch (UnreadableReportException e) {
            return new FileResult(file.name(), "unreadable", null, null, e.code(), e.messageZh(), e.messageEn());
        } catch (RuntimeException e) {
            return new FileResult(file.name(), "unreadable", null, null, "DAMAGED", "文件已损坏或不是年度报告",
                    "The file is damaged or not an annual report");
        }
        AnnualReport report = imported.report();
        Integer year = report.year();
        if (year == null || year < Years.FIRST || year > Years.current()) {
            return new FileResult(file.name(), "unmatched", null, year, "YEAR",
                    "无法确定报告年度（或年度早于 " + Years.FIRST + "）", "The report year is unknown or before " + Years.FIRST);
        }
        if (year > lastHistoryYear()) {
            return new FileResult(file.name(), "current-cycle", null, year, "CURRENT_CYCLE",
                    year + " 年度属于当前填报周期，须经填报、审核流程发布，不能作为历史报告导入（可导入 "
                            + lastHistoryYear() + " 年度及以前）",
                    year + " is the cycle being drafted: its report is published through the workflow, never "
                            + "imported as history (history is " + lastHistoryYear() + " and earlier)");
        }
        Optional<Agency> agency;
        String mapped = mapping.get(file.name());
        if (mapped == null) {
            mapped = mapping.get(file.name().substring(file.name().lastIndexOf('/') + 1));
        }
        if (mapped != null) {
            String slug = mapped;
            agency = agencies.stream().filter(a -> a.slug().value().equals(slug)).findFirst();
            if (agency.isEmpty()) {
                return new FileResult(file.name(), "unmatched", null, year, "MAPPING",
                        "对应表中的机构“" + slug + "”不在本辖区", "Agency \"" + slug + "\" of the mapping is not in the jurisdiction");
            }
        } else {
            agency = match(report.agency(), agencies);
            if (agency.isEmpty()) {
                return new FileResult(file.name(), "unmatched", null, year, "NAME",
                        "无法按报告中的机关名称“" + report.agency() + "”找到本辖区机构，请在对应表中指定",
                        "No agency of the jurisdiction is named \"" + report.agency() + "\"; map the file by hand");
            }
        }
        return store(caller, file, agency.get(), year, imported);
    }

    private FileResult store(Caller caller, ZipEntries.File file, Agency agency, int year, ImportResult imported) {
        AnnualReport report = imported.report();
        DSLContext dsl = agencyDsl.of(agency.slug());
        String checksum = Attachments.sha256(file.content());
        Optional<StoredReport> existing = reports.find(dsl, year);
        if (existing.isPresent()) {
            boolean same = checksum.equals(existing.get().sourceChecksum());
            return new FileResult(file.name(), same ? "already-imported" : "exists", agency.slug().value(), year,
                    null, same ? "该文件此前已导入" : year + " 年度报告已存在（" + existing.get().status() + "），未覆盖",
                    same ? "This file was imported before" : "A " + year + " report already exists ("
                            + existing.get().status() + "); it was not overwritten");
        }
        OffsetDateTime publishedAt = report.publishedOn() != null
                ? report.publishedOn().atStartOfDay(Years.CHINA).toOffsetDateTime()
                : OffsetDateTime.now(ZoneOffset.UTC);
        Actor actor = actors.of(caller, agency.slug());
        reports.insert(dsl, year, report, ReportStatus.PUBLISHED, ReportSource.IMPORTED, checksum, file.name(),
                publishedAt, actor);
        // Checked after the insert, so the rules see the stored year beside the years before it.
        CheckedReport checked = findings.check(dsl, year, report);
        List<FindingView> found = new ArrayList<>(ReportFindings.views(imported.findings(), Map.of()));
        found.addAll(checked.findings());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", ReportStatus.PUBLISHED.name());
        after.put("source", ReportSource.IMPORTED.name());
        after.put("file", file.name());
        after.put("sha256", checksum);
        after.put("findings", found);
        audit.append(dsl, agency.slug(), actor, "report.onboard", "report/" + year, null, after);
        events.published(agency, year, 1, 1, publishedAt.toInstant(), actor.username(), false, true, null,
                CanonicalJson.write(report));
        // The office's counts of an imported report are those of the report as stored, like any other.
        events.statusChanged(agency, year, ReportChange.PUBLISH, ReportStatus.PUBLISHED, 1, actor.username(), checked,
                null);
        return new FileResult(file.name(), "imported", agency.slug().value(), year, null,
                found.isEmpty() ? "已导入" : "已导入，检查发现 " + found.size() + " 个问题（已保留）",
                found.isEmpty() ? "Imported" : "Imported with " + found.size() + " findings (kept)", found);
    }

    /** The exact registry name first, then the same name with spacing, punctuation and width normalised. */
    static Optional<Agency> match(String name, List<Agency> agencies) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<Agency> exact = agencies.stream().filter(a -> a.nameZh().equals(name.strip())).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String wanted = normalise(name);
        List<Agency> candidates = agencies.stream().filter(a -> normalise(a.nameZh()).equals(wanted)).toList();
        return candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    static String normalise(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
        text = text.replaceAll("[\\s\\p{P}\\p{S}]", "");
        text = text.replaceAll("^\\d{4}年(度)?", "");
        text = text.replaceAll("(\\d{4}年(度)?)?政府信息公开(工作)?年(度)?报(告)?$", "");
        return text;
    }

    static Map<String, String> mapping(String json, tools.jackson.databind.json.JsonMapper mapper) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            var node = mapper.readTree(json);
            if (!node.isObject()) {
                throw new IllegalArgumentException();
            }
            Map<String, String> result = new LinkedHashMap<>();
            for (var entry : node.properties()) {
                if (!entry.getValue().isString()) {
                    throw new IllegalArgumentException();
                }
                AgencySlug.of(entry.getValue().stringValue());
                result.put(entry.getKey(), entry.getValue().stringValue());
            }
            return result;
        } catch (RuntimeException e) {
            throw new ApiException(ProblemCode.ONBOARDING_MAPPING_INVALID).atField("mapping");
        }
    }
}
