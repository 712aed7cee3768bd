package dev.gongkai.platform.testing;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.JurisdictionSlug;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Runs the fixtures of {@link GongkaiTest}: database, Redis, and {@link TestTenant} agencies. */
final class GongkaiTestExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GongkaiTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        TestDatabase database = database(context);
        database.exportSpringProperties();
        TestRedis.shared().exportSpringProperties();
        context.getStore(NS).put("class-tenants", inject(context, database, null, true));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        context.getStore(NS)
                .put("method-tenants", inject(context, database(context), context.getRequiredTestInstance(), false));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        remove(context, "method-tenants");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        remove(context, "class-tenants");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    private static TestDatabase database(ExtensionContext context) {
        // The root store closes (drops the database) when the whole run ends.
        return context.getRoot()
                .getStore(NS)
                .computeIfAbsent("database", k -> TestDatabase.shared(), TestDatabase.class);
    }

    private static List<ManagedAgency> inject(
            ExtensionContext context, TestDatabase database, Object instance, boolean statics)
            throws IllegalAccessException {
        List<ManagedAgency> created = new ArrayList<>();
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                TestTenant spec = field.getAnnotation(TestTenant.class);
                if (spec == null || Modifier.isStatic(field.getModifiers()) != statics) {
                    continue;
                }
                if (field.getType() != ManagedAgency.class) {
                    throw new IllegalStateException("@TestTenant needs a ManagedAgency field: " + field);
                }
                String slug = spec.slug().isEmpty()
                        ? "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                        : spec.slug();
                ManagedAgency agency = ManagedAgency.create(
                        database,
                        new AgencySlug(slug),
                        spec.nameZh(),
                        spec.kind(),
                        new JurisdictionSlug(spec.jurisdiction()),
                        spec.status());
                created.add(agency);
                field.setAccessible(true);
                field.set(instance, agency);
            }
        }
        return created;
    }

    @SuppressWarnings("unchecked")
    private static void remove(ExtensionContext context, String key) {
        List<ManagedAgency> agencies = context.getStore(NS).remove(key, List.class);
        if (agencies != null) {
            agencies.forEach(ManagedAgency::remove);
        }
    }
}
