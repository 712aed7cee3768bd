// Build step, run by the JDK's single-file source launcher in generate-sources (see pom.xml).
//
// Generates the jOOQ model from a real PostgreSQL migrated by our own changelogs: schema "core" and the
// template schema "agency_template" (one model for every agency schema; services map it at run time).
// We prefer this over jOOQ's LiquibaseDatabase, which simulates the changelog on H2 (no jsonb, different
// timestamp types) and is no longer served from jOOQ 3.21 on.
//
// Uses 127.0.0.1:5432 (trust, user postgres) when it answers, else an embedded PostgreSQL; the database it
// creates has a unique name and is dropped at the end.

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Strategy;
import org.jooq.meta.jaxb.Target;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

public class GenerateJooq {

    public static void main(String[] args) throws Exception {
        File resources = new File(args[0]);
        String targetDir = args[1];
        EmbeddedPostgres embedded = null;
        String server;
        if (reachable("127.0.0.1", 5432)) {
            server = "jdbc:postgresql://127.0.0.1:5432/";
        } else {
            embedded = EmbeddedPostgres.builder().start();
            server = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
        }
        String db = "gongkai_codegen_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + db);
        }
        try {
            try (Connection c = DriverManager.getConnection(server + db, "postgres", "")) {
                migrate(c, resources, "core", "db/core/changelog.yaml");
                migrate(c, resources, "agency_template", "db/tenant/changelog.yaml");
            }
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(server + db).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withStrategy(new Strategy())
                            .withDatabase(new org.jooq.meta.jaxb.Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withExcludes("databasechangelog|databasechangeloglock")
                                    // Generated records carry the shared enums, not their names.
                                    .withForcedTypes(
                                            enumType("dev.gongkai.contract.ReportStatus",
                                                    "(agency_template\\.report|core\\.report_state)\\.status"),
                                            enumType("dev.gongkai.contract.ReportSource", "agency_template\\.report\\.source"),
                                            enumType("dev.gongkai.contract.AgencyKind", "core\\.agency\\.kind"),
                                            enumType("dev.gongkai.contract.AgencyStatus", "core\\.agency\\.status"))
                                    .withSchemata(new SchemaMappingType().withInputSchema("core"),
                                            new SchemaMappingType().withInputSchema("agency_template")))
                            .withGenerate(new Generate().withJavaTimeTypes(true).withRecords(true)
                                    .withPojos(false).withDaos(false).withGeneratedAnnotation(false)
                                    .withImplicitJoinPathsToMany(false))
                            .withTarget(new Target().withPackageName("dev.gongkai.platform.jooq")
                                    .withDirectory(targetDir).withClean(true))));
        } finally {
            try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "")) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static ForcedType enumType(String type, String columns) {
        return new ForcedType().withUserType(type).withEnumConverter(true).withIncludeExpression(columns);
    }

    private static void migrate(Connection c, File resources, String schema, String changelog) throws Exception {
        c.createStatement().execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
        new Liquibase(changelog, new DirectoryResourceAccessor(resources), database).update("");
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
