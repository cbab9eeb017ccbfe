package com.finlens.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.vertx.core.json.JsonObject;
import java.util.stream.Collectors;

/**
 * The served {@code /api/v1/openapi.json} as a validator (Atlassian swagger-request-validator): responses the
 * clients read, and the data of each answer-stream event against the schema named after it.
 */
public final class OpenApiContract {

    private final OpenApiInteractionValidator responses;
    private final SchemaValidator schemas;
    private final OpenAPI api;

    private OpenApiContract(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        if (api == null) {
            throw new IllegalArgumentException("the OpenAPI document does not parse");
        }
        this.responses = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
        this.schemas = new SchemaValidator(api, new MessageResolver());
    }

    /** Reads the document the running app serves. */
    public static OpenApiContract of(TestApp app) {
        return new OpenApiContract(TestApp.await(app.client().get("/api/v1/openapi.json").send()).bodyAsString());
    }

    /** Fails with every message when the response does not match the documented operation and status. */
    public void assertResponse(String method, String path, int status, String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withContentType(contentType);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        failOn(responses.validateResponse(path, Request.Method.valueOf(method), response.build()),
                method + " " + path + " " + status);
    }

    /** Fails when an event's data does not match {@code components.schemas.<Name>Event}, or there is none. */
    public void assertEvent(String event, JsonObject data) {
        String schemaName = schemaName(event);
        Schema<?> schema = api.getComponents().getSchemas().get(schemaName);
        if (schema == null) {
            throw new AssertionError("event " + event + " has no schema " + schemaName + " in the OpenAPI document");
        }
        failOn(schemas.validate(data.encode(), schema, "event." + event), "event " + event + " " + data.encode());
    }

    /** "choose-company" becomes "ChooseCompanyEvent". */
    static String schemaName(String event) {
        StringBuilder name = new StringBuilder();
        for (String part : event.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.append("Event").toString();
    }

    private static void failOn(ValidationReport report, String what) {
        if (report.hasErrors()) {
            throw new AssertionError(what + " does not match the OpenAPI document:\n" + report.getMessages().stream()
                    .map(m -> "  " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n")));
        }
    }
}
