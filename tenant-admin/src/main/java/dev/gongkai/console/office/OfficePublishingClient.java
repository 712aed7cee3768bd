package dev.gongkai.console.office;

import dev.gongkai.console.services.Services;
import dev.gongkai.contract.CompiledView;
import dev.gongkai.contract.ComplianceView;
import dev.gongkai.contract.ReminderList;
import dev.gongkai.contract.ReminderRequest;
import dev.gongkai.contract.ReminderSchedule;
import dev.gongkai.contract.ReminderScheduleRequest;
import dev.gongkai.contract.RemindersSent;
import dev.gongkai.contract.ScorecardPack;
import dev.gongkai.contract.ScorecardPackRequest;
import dev.gongkai.contract.ScorecardsView;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The office's side of the publishing service, answered as the contract's records. Built by the office's controllers
 * over the signed-in user's client, so error answers arrive as {@link dev.gongkai.console.services.ServiceProblem}.
 */
@HttpExchange("/api/office")
interface OfficePublishingClient {

    static OfficePublishingClient of(Services services) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(services.publishing()))
                .build()
                .createClient(OfficePublishingClient.class);
    }

    /** The compiled report of {@code year} and {@code scope} with the office's narrative draft. */
    @GetExchange("/compiled")
    CompiledView compiled(@RequestParam int year, @RequestParam String scope);

    /** Saves the narrative of the draft version {@code ifMatch} names; answers the report checked with it. */
    @PutExchange("/compiled/narrative")
    CompiledView saveNarrative(
            @RequestParam int year,
            @RequestParam String scope,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody Map<String, String> narrative);

    /** Publishes the draft version {@code ifMatch} names; after the first, a correction with its reason. */
    @PostExchange("/compiled/publications")
    CompiledView.Published publish(
            @RequestParam int year,
            @RequestParam String scope,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody Map<String, String> request);

    /** The reminders of {@code year} to the agencies of the caller's jurisdictions. */
    @GetExchange("/notifications")
    ReminderList notifications(@RequestParam int year);

    /** A reminder by hand; a request resent with the same {@code idempotencyKey} reminds nobody twice. */
    @PostExchange("/reminders")
    RemindersSent remind(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody ReminderRequest request);

    /** The schedule of reminders after the deadline that applies to the caller's jurisdiction. */
    @GetExchange("/reminder-schedule")
    ReminderSchedule schedule();

    @PutExchange("/reminder-schedule")
    ReminderSchedule saveSchedule(@RequestBody ReminderScheduleRequest request);

    /** Every agency of the caller's jurisdictions with its report's state for {@code year}. */
    @GetExchange("/compliance")
    ComplianceView compliance(@RequestParam int year);

    /** The scorecards of {@code year} with the pack they were scored with. */
    @GetExchange("/scorecards")
    ScorecardsView scorecards(@RequestParam int year);

    /** Saves the office-admin's pack; the service names the field it refuses. */
    @PutExchange("/scorecard-pack")
    ScorecardPack savePack(@RequestBody ScorecardPackRequest request);
}
