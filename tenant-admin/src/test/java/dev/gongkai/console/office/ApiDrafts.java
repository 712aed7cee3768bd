package dev.gongkai.console.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.TableColumn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report of the year drafted complete and submitted through the reports API, as an agency's staff would: what the
 * office's browser tests start from when the agency's part is not what they prove.
 */
final class ApiDrafts {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiDrafts() {}

    /**
     * @param editor   an editor's token: creates the year's draft and fills it
     * @param approver an approver's token: submits it, explaining every warning (retried while a role just granted
     *                 has not reached the service's membership cache, up to 30 seconds)
     */
    static void submit(String reports, String editor, String approver, int year) throws Exception {
        HttpResponse<String> created =
                send(editor, "POST", reports + "/api/reports", "{\"year\":" + year + "}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int revision = JSON.readTree(send(editor, "GET", reports + "/api/reports/" + year, null, Map.of())
                        .body())
                .path("revision")
                .asInt();
        HttpResponse<String> patched = send(
                editor,
                "PATCH",
                reports + "/api/reports/" + year,
                complete(year),
                Map.of("If-Match", "\"r" + revision + "\""));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        String transitions = reports + "/api/reports/" + year + "/transitions";
        Map<String, Object> submit = new LinkedHashMap<>(Map.of("action", "submit"));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        HttpResponse<String> submitted;
        while (true) {
            submitted = send(
                    approver,
                    "POST",
                    transitions,
                    JSON.writeValueAsString(submit),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (submitted.statusCode() == 422 && !submit.containsKey("explanations")) {
                Map<String, String> explanations = new LinkedHashMap<>();
                JSON.readTree(submitted.body())
                        .path("unexplained_warnings")
                        .forEach(w -> explanations.put(w.asString(), "已核实，数字无误。"));
                submit.put("explanations", explanations);
            } else if (submitted.statusCode() != 403 || System.nanoTime() > deadline) {
                break;
            } else {
                Thread.sleep(2000);
            }
        }
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    }

    /** Every cell filled so that the arithmetic holds, and the three narratives. */
    private static String complete(int year) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (CellDefinition cell : ReportFormat.V2021.layout().cells()) {
            cells.put(cell.key(), cell.key().equals("s2.fees.amount") ? "0" : 0);
        }
        for (TableColumn column : ReportLayout.APPLICANT_COLUMNS) {
            int n = column.key().equals("total") ? 6 : 1;
            cells.put("s3.received." + column.key(), n);
            cells.put("s3.granted." + column.key(), n);
            cells.put("s3.handledTotal." + column.key(), n);
        }
        return JSON.writeValueAsString(Map.of(
                "cells",
                cells,
                "narrative",
                Map.of(
                        "s1", year + "年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理依申请公开。",
                        "s5", year + "年存在的主要问题是公开内容不够全面，改进措施是加强培训、完善制度、提高质量。",
                        "s6", "无。")));
    }

    private static HttpResponse<String> send(
            String token, String method, String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
