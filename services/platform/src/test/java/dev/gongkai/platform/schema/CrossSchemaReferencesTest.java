package dev.gongkai.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules Citus schema-based sharding needs: an agency schema's foreign keys point into the same schema or into
 * {@code core}; nothing in {@code core} points into an agency schema; and every table of an agency schema names its
 * rows (a primary key or a replica identity), so the schema can move to another worker by logical replication.
 * Checked on the real catalog.
 */
@GongkaiTest
class CrossSchemaReferencesTest {

    private static final String FOREIGN_KEYS = """
            select src.nspname || '.' || c.conname || ' -> ' || dst.nspname
            from pg_constraint c
            join pg_class st on st.oid = c.conrelid join pg_namespace src on src.oid = st.relnamespace
            join pg_class dt on dt.oid = c.confrelid join pg_namespace dst on dst.oid = dt.relnamespace
            where c.contype = 'f' and src.nspname <> dst.nspname
            """;

    @TestTenant
    ManagedAgency first;

    @TestTenant
    ManagedAgency second;

    @Test
    void agencySchemasReferenceOnlyThemselvesOrCore(TestDatabase db) {
        List<String> violations = db.dsl()
                .fetch(FOREIGN_KEYS + " and src.nspname like 'agency\\_%' and dst.nspname <> 'core'")
                .getValues(0, String.class);
        assertThat(violations).isEmpty();
    }

    @Test
    void coreReferencesNoAgencySchema(TestDatabase db) {
        List<String> violations =
                db.dsl().fetch(FOREIGN_KEYS + " and src.nspname = 'core'").getValues(0, String.class);
        assertThat(violations).isEmpty();
    }

    @Test
    void agencySchemasHaveTheirOwnForeignKeys(TestDatabase db) {
        // Guards the two checks above against passing on an empty catalog.
        Number ownKeys = (Number) db.dsl().fetchValue("""
                select count(*)::int from pg_constraint c join pg_class t on t.oid = c.conrelid
                join pg_namespace n on n.oid = t.relnamespace where c.contype = 'f' and n.nspname = ?
                """, first.schema());
        assertThat(ownKeys.intValue()).isPositive();
    }

    /**
     * A move by logical replication ({@code citus_schema_move … 'force_logical'} or {@code 'auto'}, writes go on during
     * the copy) replicates an update or delete only of a table with a primary key or a replica identity: {@code auto}
     * refuses a schema with any other table, {@code force_logical} fails updates of it while the copy runs.
     * ({@code core} has no distributed table: it stays on the coordinator, SchemaPlacementCitusTest.)
     */
    @Test
    void everyAgencyTableNamesItsRowsForALogicalMove(TestDatabase db) {
        List<String> unnamed =
                db.dsl().fetch("""
                        select n.nspname || '.' || t.relname from pg_class t
                        join pg_namespace n on n.oid = t.relnamespace
                        where n.nspname in (?, ?) and t.relkind in ('r', 'p')
                          and not (t.relreplident in ('f', 'i')
                                   or (t.relreplident = 'd'
                                       and exists (select 1 from pg_constraint c
                                                   where c.conrelid = t.oid and c.contype = 'p')))
                        """, first.schema(), second.schema()).getValues(0, String.class);
        assertThat(unnamed).isEmpty();
        Number tables = (Number) db.dsl()
                .fetchValue(
                        "select count(*)::int from pg_class t join pg_namespace n on n.oid = t.relnamespace"
                                + " where n.nspname = ? and t.relkind in ('r', 'p')",
                        first.schema());
        assertThat(tables.intValue()).as("tables in %s", first.schema()).isGreaterThan(5);
    }
}
