package dev.gongkai.publishing.scorecard;

import dev.gongkai.contract.China;
import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.contract.Scorecard;
import dev.gongkai.contract.ScorecardPack;
import dev.gongkai.contract.ScorecardPackRequest;
import dev.gongkai.contract.ScorecardsView;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.Actors;
import dev.gongkai.publishing.compliance.ComplianceWords;
import dev.gongkai.publishing.compliance.OfficeScope;
import dev.gongkai.report.labels.Labels;
import dev.gongkai.report.render.CsvTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office's scorecard pack ({@code PUT/GET /api/office/scorecard-pack}) and the scores ({@code /scorecards}). */
@RestController
class ScorecardController {

    private final Scorecards scorecards;
    private final ScorecardPacks packs;
    private final OfficeScope scope;
    private final Actors actors;

    ScorecardController(Scorecards scorecards, ScorecardPacks packs, OfficeScope scope, Actors actors) {
        this.actors = actors;
        this.scorecards = scorecards;
        this.packs = packs;
        this.scope = scope;
    }

    @PutMapping("/api/office/scorecard-pack")
    ScorecardPack put(Caller caller, @RequestBody ScorecardPackRequest request) {
        Jurisdiction jurisdiction = scope.one(caller, request.jurisdiction());
        scope.requireAdmin(caller);
        int year = OfficeScope.year(request.year());
        ScorecardItems.validate(year, request.base(), request.line(), request.deductions());
        return packs.save(
                jurisdiction.slug(),
                year,
                new ScorecardPacks.Stored(request.base(), request.line(), request.deductions()),
                actors.of(caller));
    }

    @GetMapping("/api/office/scorecard-pack")
    ScorecardPack get(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String jurisdiction) {
        Jurisdiction j = scope.one(caller, jurisdiction);
        return packs.of(j.slug(), OfficeScope.year(year));
    }

    @GetMapping("/api/office/scorecards")
    ResponseEntity<?> scorecards(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Jurisdiction j = scope.one(caller, jurisdiction);
        int y = OfficeScope.year(year);
        ScorecardPack pack = scorecards.pack(j, y);
        List<Scorecard> cards = scorecards.score(j, pack);
        boolean csv = format != null ? format.equalsIgnoreCase("csv") : accept != null && accept.contains("text/csv");
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename("scorecards-" + j.slug() + "-" + y + ".csv", StandardCharsets.UTF_8)
                                    .build()
                                    .toString())
                    .body(csv(pack, cards));
        }
        return ResponseEntity.ok(new ScorecardsView(y, j.slug().value(), pack, cards, ScorecardItems.items()));
    }

    /** One row per agency: the compliance facts, the score, then one column per deduction item of the pack. */
    private static byte[] csv(ScorecardPack pack, List<Scorecard> cards) {
        List<String> headers =
                new ArrayList<>(List.of("机构标识", "机构名称", "状态", "合规情况", "发布日期", "法定期限", "基础分", "扣分合计", "得分"));
        for (ScorecardPack.Deduction d : pack.deductions()) {
            headers.add("扣分：" + ScorecardItems.label(d.item(), d.labelZh()));
        }
        headers.add("扣分依据");
        CsvTable table = new CsvTable().row(headers);
        for (Scorecard card : cards) {
            List<Object> row = new ArrayList<>(Arrays.asList(
                    card.agency(),
                    card.nameZh(),
                    ComplianceWords.status(card.compliance(), Locale.ROOT),
                    card.notDue()
                            ? Labels.compliance(ComplianceRow.Compliance.OPEN.name(), Locale.ROOT)
                            : ComplianceWords.compliance(card.compliance(), Locale.ROOT),
                    China.day(card.compliance().publishedAt()),
                    card.compliance().deadline(),
                    card.base(),
                    card.deducted(),
                    card.score()));
            for (ScorecardPack.Deduction d : pack.deductions()) {
                row.add(card.deductions().stream()
                        .filter(a -> a.item().equals(d.item()))
                        .findFirst()
                        .map(a -> (Object) a.points().negate())
                        .orElse(""));
            }
            row.add(card.deductions().stream()
                    .map(a -> ScorecardItems.label(a.item(), a.labelZh()) + "："
                            + a.evidence().summaryZh())
                    .collect(Collectors.joining("；")));
            table.row(row);
        }
        return table.bytes();
    }
}
