package dev.gongkai.publishing.portal;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The published documents in the OpenAPI document: {@link PublishedDocuments} answers them outside Spring MVC,
 * where springdoc cannot see them, and open-data users read this document first.
 */
final class PublishedDocumentsApi {

    private PublishedDocumentsApi() {}

    static OpenApiCustomizer customizer() {
        return api -> {
            api.path(PublishedDocuments.ROUTE, item("text/html", "The report in the national layout (HTML).", false));
            api.path(
                    PublishedDocuments.ROUTE + ".pdf",
                    item("application/pdf", "The report as PDF (Chinese font embedded, text extractable).", false));
            api.path(
                    PublishedDocuments.ROUTE + ".json",
                    item(
                            "application/json",
                            "The report as canonical JSON (open data, rate-limited per client).",
                            true));
            api.path(
                    PublishedDocuments.ROUTE + ".csv",
                    item("text/csv", "The report as CSV, a row per cell (open data, rate-limited per client).", true));
            api.path(
                    PublishedDocuments.REVISION_ROUTE + ".pdf",
                    revision(item("application/pdf", "One published revision as PDF (never changes).", false)));
            api.path(
                    PublishedDocuments.REVISION_ROUTE + ".json",
                    revision(item(
                            "application/json",
                            "One published revision as canonical JSON (never changes; open data, rate-limited).",
                            true)));
            api.path(
                    PublishedDocuments.REVISION_ROUTE + ".csv",
                    revision(item(
                            "text/csv",
                            "One published revision as CSV (never changes; open data, rate-limited).",
                            true)));
        };
    }

    /** A revision's URL: its number too, and a 200 that caches keep for a year. */
    private static PathItem revision(PathItem item) {
        Operation get = item.getGet();
        get.addParametersItem(new PathParameter().name("number").schema(new IntegerSchema()));
        get.getResponses()
                .get("200")
                .description("The published revision ("
                        + PublishedDocuments.IMMUTABLE
                        + "); 404 also for a number never published");
        return item;
    }

    private static PathItem item(String type, String summary, boolean openData) {
        ApiResponses responses = new ApiResponses()
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description("The current published revision")
                                .content(new Content().addMediaType(type, new MediaType())))
                .addApiResponse("304", new ApiResponse().description("Not modified (If-None-Match)"))
                .addApiResponse(
                        "404",
                        new ApiResponse()
                                .description(
                                        "Unknown jurisdiction or agency, or the year is not published (problem details)"));
        if (openData) {
            responses.addApiResponse(
                    "429", new ApiResponse().description("Too many open-data requests; see Retry-After"));
        }
        Operation get = new Operation()
                .summary(summary)
                .tags(List.of("portal"))
                .security(List.of())
                .addParametersItem(new PathParameter().name("jurisdiction").schema(new StringSchema()))
                .addParametersItem(new PathParameter().name("agency").schema(new StringSchema()))
                .addParametersItem(new PathParameter().name("year").schema(new IntegerSchema()))
                .addParametersItem(new HeaderParameter()
                        .name("If-None-Match")
                        .required(false)
                        .schema(new StringSchema()))
                .responses(responses);
        return new PathItem().get(get);
    }
}
