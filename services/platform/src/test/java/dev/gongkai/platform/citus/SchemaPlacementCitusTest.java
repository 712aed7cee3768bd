package dev.gongkai.platform.citus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the scale path relies on, checked on the real Citus cluster ({@code -Pcitus}, see
 * {@code infra/citus/citus}): the migrator makes each agency schema a distributed schema on a worker, {@code core}
 * stays a regular schema on the coordinator, and a transaction that writes both commits as one.
 */
@GongkaiTest
class SchemaPlacementCitusTest {

    private TestDatabase db;

    @BeforeEach
    void onCitus(TestDatabase db) {
        assumeTrue(db.onCitus(), "runs in the Citus execution of -Pcitus only");
        this.db = db;
    }

    private static AgencySlug uniqueSlug() {
        return AgencySlug.of("c" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void anAgencySchemaIsADistributedSchemaOnAWorkerAndCoreStaysOnTheCoordinator() {
        AgencySlug slug = uniqueSlug();
        db.migrator().createAgencySchema(slug);
        db.migrator().migrateAgency(slug);
        DSLContext sql = db.dsl();

        assertThat(sql.fetchValue("select count(*) from citus_schemas where schema_name::text = ?", slug.schemaName()))
                .isEqualTo(1L);
        List<Record> shards = sql.fetch(
                "select table_name::text as t, nodeport from citus_shards" + " where table_name::text like ?",
                slug.schemaName() + ".%");
        assertThat(shards)
                .extracting(r -> r.get("t", String.class))
                .contains(slug.schemaName() + ".report", slug.schemaName() + ".audit_entry");
        // one co-located shard group: every table of the schema on the same worker
        assertThat(shards.stream()
                        .map(r -> r.get("nodeport", Integer.class))
                        .distinct()
                        .toList())
                .hasSize(1)
                .first()
                .isNotEqualTo(coordinatorPort());
        assertThat(sql.fetchValue("select count(*) from citus_shards where table_name::text like 'core.%'"))
                .isEqualTo(0L);
    }

    @Test
    void aTransactionWritesAnAgencySchemaAndCoreTogetherOrNotAtAll() {
        AgencySlug slug = uniqueSlug();
        db.migrator().createAgencySchema(slug);
        db.migrator().migrateAgency(slug);
        String schema = '"' + slug.schemaName() + '"';

        db.dsl().transaction(tx -> {
            tx.dsl().execute("insert into " + schema + ".\"report\" (year, format) values (2025, 'f')");
            tx.dsl()
                    .execute(
                            "insert into core.outbox (aggregate, type, payload) values (?, 'Test', '{}'::jsonb)",
                            slug.value());
        });
        try {
            db.dsl().transaction(tx -> {
                tx.dsl().execute("insert into " + schema + ".\"report\" (year, format) values (2026, 'f')");
                tx.dsl()
                        .execute(
                                "insert into core.outbox (aggregate, type, payload) values (?, 'Test', '{}'::jsonb)",
                                slug.value());
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // both writes must be gone
        }

        assertThat(db.dsl().fetchValue("select count(*) from " + schema + ".\"report\""))
                .isEqualTo(1L);
        assertThat(db.dsl().fetchValue("select count(*) from core.outbox where aggregate = ?", slug.value()))
                .isEqualTo(1L);
    }

    /**
     * The move an operator makes when a worker fills up, made while the agency works: a writer commits a report
     * change, its outbox row and a counter in one transaction after another, and {@code citus_schema_move} moves
     * the schema to the other worker meanwhile. {@code block_writes}: the agency's writes wait while its schema is
     * copied (seconds for an agency's data), then go on against the new worker. Nothing fails, nothing is lost.
     * ({@code force_logical}, which keeps writes flowing during the copy: SchemaMoveCitusTest in the reports service.)
     */
    @Test
    void anAgencySchemaMovesToTheOtherWorkerWhileItIsWrittenAndLosesNothing() throws Exception {
        AgencySlug slug = uniqueSlug();
        db.migrator().createAgencySchema(slug);
        db.migrator().migrateAgency(slug);
        String schema = '"' + slug.schemaName() + '"';
        db.dsl().execute("insert into " + schema + ".\"report\" (year, format) values (2025, 'f')");
        int before = placement(slug);

        java.util.concurrent.atomic.AtomicBoolean moving = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong longestMillis = new java.util.concurrent.atomic.AtomicLong();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread writer = Thread.ofPlatform().start(() -> {
            while (moving.get() || committed.get() < 20) {
                long t0 = System.nanoTime();
                try {
                    db.dsl().transaction(tx -> {
                        int updated = tx.dsl()
                                .execute("update " + schema + ".\"report\" set revision = revision + 1"
                                        + " where year = 2025");
                        if (updated != 1) {
                            throw new IllegalStateException("the update found " + updated + " rows");
                        }
                        tx.dsl()
                                .execute(
                                        "insert into core.outbox (aggregate, type, payload) values (?, 'Test', '{}'::jsonb)",
                                        slug.value());
                    });
                    committed.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
                longestMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
            }
        });
        Thread.sleep(200);
        int target = otherWorker(before);
        db.dsl().execute("select citus_schema_move(?::regnamespace, '127.0.0.1', ?, 'block_writes')", schema, target);
        moving.set(false);
        writer.join();

        assertThat(failures).isEmpty();
        assertThat(placement(slug)).isEqualTo(target);
        assertThat(intValue("select revision from " + schema + ".\"report\" where year = 2025"))
                .isEqualTo(committed.get());
        assertThat(db.dsl().fetchValue("select count(*) from core.outbox where aggregate = ?", slug.value()))
                .isEqualTo((long) committed.get());
        System.out.printf(
                "[citus] schema move under writes: %d transactions committed, none failed, longest %d ms%n",
                committed.get(), longestMillis.get());
    }

    private int placement(AgencySlug slug) {
        return intValue(
                "select distinct nodeport from citus_shards where table_name::text like ?", slug.schemaName() + ".%");
    }

    private int otherWorker(int worker) {
        return intValue(
                "select nodeport from pg_dist_node where nodeport <> ? and nodeport <> ? and shouldhaveshards",
                worker,
                coordinatorPort());
    }

    private int intValue(String sql, Object... bindings) {
        return db.dsl().fetchOne(sql, bindings).get(0, Integer.class);
    }

    private int coordinatorPort() {
        return Integer.parseInt(db.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
    }
}
