package dev.gongkai.reports.onboarding;

import dev.gongkai.contract.BatchSummary;
import dev.gongkai.contract.China;
import dev.gongkai.contract.FindingView;
import dev.gongkai.contract.OnboardingOutcome;
import dev.gongkai.contract.OnboardingPlan;
import dev.gongkai.contract.ReportChange;
import dev.gongkai.contract.ReportSource;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.Actor;
import dev.gongkai.platform.tenancy.Actors;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.batch.BatchCheck;
import dev.gongkai.report.batch.Document;
import dev.gongkai.report.batch.ReportFiles;
import dev.gongkai.report.batch.ReportLine;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.ReportCycle;
import dev.gongkai.reports.attachments.Attachments;
import dev.gongkai.reports.audit.AuditTrail;
import dev.gongkai.reports.report.CheckedReport;
import dev.gongkai.reports.report.ReportEvents;
import dev.gongkai.reports.report.ReportFindings;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.StoredReport;
import dev.gongkai.reports.report.Years;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    Onboarding(
            AgencyAccess access,
            AgencyRegistry registry,
            AgencyDsl agencyDsl,
            ReportStore reports,
            AuditTrail audit,
            ReportEvents events,
            ReportFindings findings,
            Actors actors) {
        this.actors = actors;
        this.access = access;
        this.registry = registry;
        this.agencyDsl = agencyDsl;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.findings = findings;
    }

    /** The files of one zip, checked (and imported when asked), with the batch check's summary. */
    record Batch(BatchSummary summary, List<OnboardingPlan.FileResult> results) {

        /** How many files have each outcome. */
        Map<OnboardingOutcome, Long> outcomes() {
            Map<OnboardingOutcome, Long> outcomes = new EnumMap<>(OnboardingOutcome.class);
            results.forEach(result -> outcomes.merge(result.outcome(), 1L, Long::sum));
            return outcomes;
        }

        /** The answer the office reads. */
        OnboardingPlan plan() {
            return new OnboardingPlan(results.size(), summary, outcomes(), results);
        }
    }

    private static OnboardingPlan.FileResult fileResult(
            ReportLine line,
            OnboardingOutcome outcome,
            Agency agency,
            String code,
            String messageZh,
            String messageEn) {
        return new OnboardingPlan.FileResult(
                line.file(),
                outcome,
                agency == null ? null : agency.slug().value(),
                agency == null ? null : agency.nameZh(),
                line.agency(),
                line.year(),
                line.format() == null ? null : line.format().code(),
                line.errors(),
                line.warnings(),
                line.unreadableCells(),
                code,
                messageZh,
                messageEn,
                List.of());
    }

    private static OnboardingPlan.FileResult imported(
            OnboardingPlan.FileResult decided, String messageZh, String messageEn, List<FindingView> found) {
        return new OnboardingPlan.FileResult(
                decided.file(),
                OnboardingOutcome.IMPORTED,
                decided.agency(),
                decided.agencyName(),
                decided.reportAgency(),
                decided.year(),
                decided.format(),
                decided.errors(),
                decided.warnings(),
                decided.unreadableCells(),
                null,
                messageZh,
                messageEn,
                found);
    }

    /** The newest year that is history today ({@link ReportCycle#lastHistoryYear}). */
    static int lastHistoryYear() {
        return ReportCycle.lastHistoryYear(ReportCycle.today());
    }

    /** What importing the files would do, saving nothing. */
    @Transactional(readOnly = true)
    public Batch check(Caller caller, List<Document> files, Map<String, String> mapping) {
        List<ReportLine> lines = BatchCheck.checkDocuments(files);
        List<Agency> agencies = agencies(caller);
        Map<String, byte[]> contents = contents(files);
        return new Batch(
                BatchCheck.summary(lines),
                lines.stream()
                        .map(line -> decide(line, contents.get(line.file()), agencies, mapping)
                                .result())
                        .toList());
    }

    /** Imports every file the check says to import; the others are left as the check says. */
    @Transactional
    public Batch importAll(Caller caller, List<Document> files, Map<String, String> mapping) {
        List<ReportLine> lines = BatchCheck.checkDocuments(files);
        List<Agency> agencies = agencies(caller);
        Map<String, byte[]> contents = contents(files);
        List<OnboardingPlan.FileResult> results = new ArrayList<>();
        for (ReportLine line : lines) {
            byte[] content = contents.get(line.file());
            Decision decision = decide(line, content, agencies, mapping);
            results.add(
                    decision.result().outcome() == OnboardingOutcome.IMPORT
                            ? store(caller, line, content, decision.agency(), decision.result())
                            : decision.result());
        }
        return new Batch(BatchCheck.summary(lines), results);
    }

    private List<Agency> agencies(Caller caller) {
        return access.supervisedJurisdictions(caller).stream()
                .flatMap(j -> registry.inJurisdiction(j).stream())
                .filter(Agency::isActive)
                .toList();
    }

    private static Map<String, byte[]> contents(List<Document> files) {
        Map<String, byte[]> contents = new java.util.HashMap<>();
        files.forEach(file -> contents.put(file.name(), file.content()));
        return contents;
    }

    private record Decision(OnboardingPlan.FileResult result, Agency agency) {}

    /** The one place the rules of onboarding live: what importing {@code line} does. */
    private Decision decide(ReportLine line, byte[] content, List<Agency> agencies, Map<String, String> mapping) {
        if (!line.isReport()) {
            return new Decision(
                    fileResult(
                            line,
                            OnboardingOutcome.UNREADABLE,
                            null,
                            line.notRead().code(),
                            line.notRead().messageZh(),
                            line.notRead().messageEn()),
                    null);
        }
        if (content == null) {
            return new Decision(
                    fileResult(
                            line,
                            OnboardingOutcome.UNREADABLE,
                            null,
                            "NESTED",
                            "压缩包内的压缩包不导入，请解压后将文件直接放入上传的压缩包",
                            "Files of an archive inside the archive are not imported; put them in the uploaded zip itself"),
                    null);
        }
        Integer year = line.year();
        if (year == null || year < Years.FIRST || year > Years.current()) {
            return new Decision(
                    fileResult(
                            line,
                            OnboardingOutcome.UNMATCHED,
                            null,
                            "YEAR",
                            "无法确定报告年度（或年度早于 " + Years.FIRST + "）",
                            "The report year is unknown or before " + Years.FIRST),
                    null);
        }
        if (year > lastHistoryYear()) {
            return new Decision(
                    fileResult(
                            line,
                            OnboardingOutcome.CURRENT_CYCLE,
                            null,
                            "CURRENT_CYCLE",
                            year + " 年度属于当前填报周期，须经填报、审核流程发布，不能作为历史报告导入（可导入 " + lastHistoryYear() + " 年度及以前）",
                            year + " is the cycle being drafted: its report is published through the workflow, never "
                                    + "imported as history (history is " + lastHistoryYear() + " and earlier)"),
                    null);
        }
        Optional<Agency> agency;
        String mapped = mapping.get(line.file());
        if (mapped == null) {
            mapped = mapping.get(line.file().substring(line.file().lastIndexOf('/') + 1));
        }
        if (mapped != null) {
            String slug = mapped;
            agency =
                    agencies.stream().filter(a -> a.slug().value().equals(slug)).findFirst();
            if (agency.isEmpty()) {
                return new Decision(
                        fileResult(
                                line,
                                OnboardingOutcome.UNMATCHED,
                                null,
                                "MAPPING",
                                "对应表中的机构“" + slug + "”不在本辖区",
                                "Agency \"" + slug + "\" of the mapping is not in the jurisdiction"),
                        null);
            }
        } else {
            agency = match(line.agency(), agencies);
            if (agency.isEmpty()) {
                return new Decision(
                        fileResult(
                                line,
                                OnboardingOutcome.UNMATCHED,
                                null,
                                "NAME",
                                "无法按报告中的机关名称“" + line.agency() + "”找到本辖区机构，请在对应表中指定",
                                "No agency of the jurisdiction is named \"" + line.agency()
                                        + "\"; map the file by hand"),
                        null);
            }
        }
        Optional<StoredReport> existing = reports.find(agencyDsl.of(agency.get().slug()), year);
        if (existing.isPresent()) {
            boolean same = Attachments.sha256(content).equals(existing.get().sourceChecksum());
            return new Decision(
                    fileResult(
                            line,
                            same ? OnboardingOutcome.ALREADY_IMPORTED : OnboardingOutcome.EXISTS,
                            agency.get(),
                            null,
                            same ? "该文件此前已导入" : year + " 年度报告已存在，不覆盖",
                            same
                                    ? "This file was imported before"
                                    : "A " + year + " report already exists; it is not overwritten"),
                    agency.get());
        }
        return new Decision(
                fileResult(
                        line,
                        OnboardingOutcome.IMPORT,
                        agency.get(),
                        null,
                        "将导入为已公开的历史报告",
                        "Will be imported as published history"),
                agency.get());
    }

    private OnboardingPlan.FileResult store(
            Caller caller, ReportLine line, byte[] content, Agency agency, OnboardingPlan.FileResult decided) {
        AnnualReport report = line.report();
        int year = report.year();
        DSLContext dsl = agencyDsl.of(agency.slug());
        String checksum = Attachments.sha256(content);
        OffsetDateTime publishedAt = report.publishedOn() != null
                ? report.publishedOn().atStartOfDay(China.ZONE).toOffsetDateTime()
                : OffsetDateTime.now(ZoneOffset.UTC);
        Actor actor = actors.of(caller, agency.slug());
        reports.insert(
                dsl,
                year,
                report,
                ReportStatus.PUBLISHED,
                ReportSource.IMPORTED,
                checksum,
                line.file(),
                publishedAt,
                actor);
        // Checked after the insert, so the rules see the stored year beside the years before it.
        CheckedReport checked = findings.check(dsl, year, report);
        List<FindingView> found = new ArrayList<>(ReportFindings.views(importFindings(content), Map.of()));
        found.addAll(checked.findings());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", ReportStatus.PUBLISHED.name());
        after.put("source", ReportSource.IMPORTED.name());
        after.put("file", line.file());
        after.put("sha256", checksum);
        after.put("findings", found);
        audit.append(dsl, agency.slug(), actor, "report.onboard", "report/" + year, null, after);
        events.published(
                agency,
                year,
                1,
                1,
                publishedAt.toInstant(),
                actor.username(),
                false,
                true,
                null,
                CanonicalJson.write(report));
        // The office's counts of an imported report are those of the report as stored, like any other.
        events.statusChanged(
                agency, year, ReportChange.PUBLISH, ReportStatus.PUBLISHED, 1, actor.username(), checked, null);
        return imported(
                decided,
                found.isEmpty() ? "已导入" : "已导入，检查发现 " + found.size() + " 个问题（已保留）",
                found.isEmpty() ? "Imported" : "Imported with " + found.size() + " findings (kept)",
                found);
    }

    /** What reading the file found (the line holds them mixed with the batch's rule findings). */
    private static List<Finding> importFindings(byte[] content) {
        try {
            return ReportFiles.read(content).findings();
        } catch (UnreadableReportException e) {
            throw new IllegalStateException("a file the batch check read is unreadable now", e);
        }
    }

    /** The exact registry name first, then the same name with spacing, punctuation and width normalised. */
    static Optional<Agency> match(String name, List<Agency> agencies) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<Agency> exact =
                agencies.stream().filter(a -> a.nameZh().equals(name.strip())).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String wanted = normalise(name);
        List<Agency> candidates = agencies.stream()
                .filter(a -> normalise(a.nameZh()).equals(wanted))
                .toList();
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
