package dev.gongkai.console.agency;

import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.AttachmentView;
import dev.gongkai.contract.AuditEntryView;
import dev.gongkai.contract.AuditVerification;
import dev.gongkai.contract.CommentView;
import dev.gongkai.contract.FindingView;
import dev.gongkai.contract.ImportPreview;
import dev.gongkai.contract.PatchResult;
import dev.gongkai.contract.ReportSummary;
import dev.gongkai.contract.ReportView;
import dev.gongkai.contract.RevisionDiff;
import dev.gongkai.contract.RevisionView;
import dev.gongkai.contract.TransitionRequest;
import dev.gongkai.contract.TransitionResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/** The agency's side of the reports service (and of the publishing service), for the signed-in user. */
@Component
public class ReportsApi {

    private final Services services;
    private final JsonMapper json;
    private final ReportsClient client;
    private final PublishingClient publishing;

    ReportsApi(Services services, JsonMapper json) {
        this.services = services;
        this.json = json;
        this.client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(services.reports()))
                .build()
                .createClient(ReportsClient.class);
        this.publishing = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(services.publishing()))
                .build()
                .createClient(PublishingClient.class);
    }

    public JsonMapper json() {
        return json;
    }

    /** The agency's report years, newest first. */
    public List<ReportSummary> list() {
        return client.list();
    }

    /** The deadline reminders the publishing service sent this agency, newest first. */
    List<PublishingClient.Notification> notifications() {
        return publishing.notifications().notifications();
    }

    /** Records where the published report sits on the agency's own website (its 政府信息公开年报 column). */
    PublishingClient.Publication websiteUrl(int year, String url) {
        return publishing.websiteUrl(year, new PublishingClient.WebsiteUrl(url));
    }

    /** The year's current published revision as the publishing service holds it, and the address recorded for it. */
    PublishingClient.Publication publication(int year) {
        return publishing.publication(year);
    }

    /** The report with its ETag; empty when the agency has no report of that year. */
    public Optional<ResponseEntity<ReportView>> find(int year) {
        try {
            return Optional.of(client.get(year));
        } catch (ServiceProblem problem) {
            if (problem.is(404)) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** The report with its ETag and the actions the user may take on it. */
    public ResponseEntity<ReportView> get(int year) {
        return client.get(year);
    }

    public ReportView create(int year) {
        return client.create(new ReportsClient.CreateReport(year));
    }

    public ResponseEntity<PatchResult> patch(int year, String etag, ReportsClient.Changes changes) {
        return client.patch(year, etag, changes);
    }

    public List<FindingView> findings(int year) {
        return client.findings(year);
    }

    /** The office's comments on the report, thread by thread; an empty list when there are none. */
    public List<CommentView> comments(int year) {
        return client.comments(year);
    }

    public CommentView reply(int year, long comment, String body) {
        return client.reply(year, comment, new ReportsClient.Reply(body));
    }

    /** Marks the office's comment dealt with (the agency's editor). */
    public CommentView resolve(int year, long comment) {
        return client.resolve(year, comment);
    }

    /** @param action as the form names it; the service refuses a code it does not know, in words */
    public TransitionResult transition(
            int year, String action, Map<String, String> explanations, String reason, String idempotencyKey) {
        var request = new TransitionRequest(
                action,
                explanations == null || explanations.isEmpty() ? null : explanations,
                reason == null || reason.isBlank() ? null : reason);
        return client.transition(
                year, idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey, request);
    }

    /** Every saved revision, oldest first. */
    public List<RevisionView> revisions(int year) {
        return client.revisions(year);
    }

    public RevisionDiff diff(int year, int from, int to) {
        return client.diff(year, from, to);
    }

    /** The report's audit trail, oldest first. */
    public List<AuditEntryView> audit(int year) {
        return client.audit(year);
    }

    /** Whether the agency's audit hash chain is intact, and where it breaks when it is not. */
    public AuditVerification auditVerify(int year) {
        return client.auditVerify(year);
    }

    /** The report as it will be published, as PDF, every page marked as a draft. */
    public RestClient.RequestHeadersSpec<?> draftPdf(int year) {
        return services.reports().get().uri("/api/reports/{year}/pdf", year);
    }

    /** The files attached to the report. */
    public List<AttachmentView> attachments(int year) {
        return client.attachments(year);
    }

    public RestClient.RequestHeadersSpec<?> attachment(int year, long id) {
        return services.reports().get().uri("/api/reports/{year}/attachments/{id}", year, id);
    }

    public AttachmentView attach(int year, String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return services.reports()
                .post()
                .uri("/api/reports/{year}/attachments", year)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(AttachmentView.class);
    }

    public void removeAttachment(int year, long id) {
        client.removeAttachment(year, id);
    }

    public ImportPreview importPreview(int year, byte[] file) {
        return client.importPreview(year, file);
    }

    public ReportView importApply(int year, byte[] file) {
        return client.importApply(year, file);
    }
}
