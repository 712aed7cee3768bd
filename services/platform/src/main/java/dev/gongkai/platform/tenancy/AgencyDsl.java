package dev.gongkai.platform.tenancy;

import dev.gongkai.platform.agency.AgencySlug;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.conf.SettingsTools;

/**
 * Hands out the {@link DSLContext} of one agency: the single generated tenant model (schema
 * {@value #TEMPLATE_SCHEMA}) rendered into the agency's own schema. This is how services reach agency data; nothing
 * sets {@code search_path} on pooled connections, and business code never builds a schema name.
 * <p>
 * One context per agency, cached: jOOQ's render mapping belongs to a configuration and cannot change per query.
 * The derived contexts share the application's connection provider, so they take part in Spring transactions.
 */
public class AgencyDsl {

    public static final String TEMPLATE_SCHEMA = "agency_template";

    private final DSLContext base;
    private final Map<AgencySlug, DSLContext> contexts = new ConcurrentHashMap<>();

    public AgencyDsl(DSLContext base) {
        this.base = base;
    }

    public DSLContext of(ActingAgency agency) {
        return of(agency.slug());
    }

    public DSLContext of(AgencySlug agency) {
        return contexts.computeIfAbsent(agency, this::derive);
    }

    private DSLContext derive(AgencySlug agency) {
        Settings settings = SettingsTools.clone(base.settings())
                .withRenderMapping(new RenderMapping()
                        .withSchemata(
                                new MappedSchema().withInput(TEMPLATE_SCHEMA).withOutput(agency.schemaName())));
        return base.configuration().derive(settings).dsl();
    }
}
