package dev.gongkai.platform.observability;

/**
 * Names of the MDC entries our services put on log lines. With structured logging (the default) every MDC entry
 * becomes a top-level field of the JSON line, next to Micrometer Tracing's {@code traceId} and {@code spanId}.
 */
public final class LogFields {

    /** The slug of the agency the request acts on, set by the tenancy filter once it has resolved it. */
    public static final String AGENCY = "agency";

    private LogFields() {}
}
