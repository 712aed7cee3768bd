package dev.gongkai.console.agency;

import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.FindingView;
import dev.gongkai.contract.ImportPreview;
import dev.gongkai.contract.PatchResult;
import dev.gongkai.contract.ReportSummary;
import dev.gongkai.contract.ReportView;
import dev.gongkai.contract.TransitionRequest;
import dev.gongkai.contract.TransitionResult;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The agency's side of the reports service, for the signed-in user. */
@Component
public class ReportsApi {

    private final Services services;
    private final JsonMapper json;
    private final ReportsClient client;

    ReportsApi(Services services, JsonMapper json) {
        this.services = services;
        this.json = json;
        this.client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(services.reports())).build()
                .createClient(ReportsClient.class);
    }

    public JsonMapper json() {
        return json;
    }

    /** The agency's report years, newest first. */
    public List<ReportSummary> list() {
        return client.list();
    }

    /** The deadline reminders the publishing service sent this agency, newest first. */
    public JsonNode notifications() {
        return services.publishing().get().uri("/api/notifications").retrieve().body(JsonNode.class)
                .path("notifications");
    }

    /** Records where the published report sits on the agency's own website (its 政府信息公开年报 column). */
    public JsonNode websiteUrl(int year, String url) {
        return services.publishing().put().uri("/api/reports/{year}/website-url", year)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("url", url)).retrieve().body(JsonNode.class);
    }

    /**
     * The year's current published revision as the publishing service holds it: {@code revision} (null when never
     * published) and the {@code url} recorded for it (null when none).
     */
    public JsonNode publication(int year) {
        return services.publishing().get().uri("/api/reports/{year}/website-url", year).retrieve().body(JsonNode.class);
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

    /**
     * Why the office reopened the published report, while its correction is under way; else null. For the office's
     * view of a report, which is not typed yet.
     */
    public static String correctionReason(JsonNode report) {
        return report.path("correctionReason").isString() ? report.path("correctionReason").asString() : null;
    }

    /** The report with its ETag and the actions the user may take on it. */
    public ResponseEntity<ReportView> get(int year) {
        return client.get(year);
    }

    public ReportView create(int year) {
        return client.create(new ReportsClient.CreateReport(year));
    }

    /** @param changes a partial canonical document: {@code cells} and {@code narrative} */
    public ResponseEntity<PatchResult> patch(int year, String etag, Map<String, Object> changes) {
        return client.patch(year, etag, changes);
    }

    public List<FindingView> findings(int year) {
        return client.findings(year);
    }

    /** The office's comments on the report; an empty list when there are none. */
    public JsonNode comments(int year) {
        return services.reports().get().uri("/api/reports/{year}/comments", year).retrieve().body(JsonNode.class);
    }

    public JsonNode reply(int year, long comment, String body) {
        return services.reports().post().uri("/api/reports/{year}/comments/{id}/replies", year, comment)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("body", body)).retrieve().body(JsonNode.class);
    }

    /** Marks the office's comment dealt with (the agency's editor). */
    public JsonNode resolve(int year, long comment) {
        return services.reports().post().uri("/api/reports/{year}/comments/{id}/resolve", year, comment).retrieve()
                .body(JsonNode.class);
    }

    /** @param action as the form names it; the service refuses a code it does not know, in words */
    public TransitionResult transition(int year, String action, Map<String, String> explanations, String reason,
                                       String idempotencyKey) {
        var request = new TransitionRequest(action,
                explanations == null || explanations.isEmpty() ? null : explanations,
                reason == null || reason.isBlank() ? null : reason);
        return client.transition(year, idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey, request);
    }

    public JsonNode revisions(int year) {
        return services.reports().get().uri("/api/reports/{year}/revisions", year).retrieve().body(JsonNode.class);
    }

    public JsonNode diff(int year, int from, int to) {
        return services.reports().get().uri("/api/reports/{year}/revisions/{a}/diff/{b}", year, from, to)
                .retrieve().body(JsonNode.class);
    }

    /** The report's audit trail, oldest first. */
    public JsonNode audit(int year) {
        return services.reports().get().uri("/api/reports/{year}/audit", year).retrieve().body(JsonNode.class);
    }

    /** Whether the agency's audit hash chain is intact: intact, entries, message_zh / message_en when broken. */
    public JsonNode auditVerify(int year) {
        return services.reports().get().uri("/api/reports/{year}/audit/verify", year).retrieve().body(JsonNode.class);
    }

    /** The report as it will be published, as PDF, every page marked as a draft. */
    public RestClient.RequestHeadersSpec<?> draftPdf(int year) {
        return services.reports().get().uri("/api/reports/{year}/pdf", year);
    }

    /** The files attached to the report: id, fileName, mediaType, size, uploadedBy, uploadedAt. */
    public JsonNode attachments(int year) {
        return services.reports().get().uri("/api/reports/{year}/attachments", year).retrieve().body(JsonNode.class);
    }

    public RestClient.RequestHeadersSpec<?> attachment(int year, long id) {
        return services.reports().get().uri("/api/reports/{year}/attachments/{id}", year, id);
    }

    public JsonNode attach(int year, String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return services.reports().post().uri("/api/reports/{year}/attachments", year)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(JsonNode.class);
    }

    public void removeAttachment(int year, long id) {
        services.reports().delete().uri("/api/reports/{year}/attachments/{id}", year, id).retrieve().toBodilessEntity();
    }

    public ImportPreview importPreview(int year, byte[] file) {
        return client.importPreview(year, file);
    }

    public ReportView importApply(int year, byte[] file) {
        return client.importApply(year, file);
    }
}
