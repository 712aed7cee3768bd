package dev.gongkai.tenants.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What PostgreSQL's catalog says about the tables to copy: read live, so new change sets need no code here. */
final class Catalog {

    private final Connection c;

    Catalog(Connection c) {
        this.c = c;
    }

    /** The schema's tables, each after the tables it references (its own schema only); Liquibase's lock left out. */
    List<String> tablesInDependencyOrder(String schema) throws SQLException {
        List<String> tables = strings("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p') and c.relname <> 'databasechangeloglock'
                order by c.relname
                """, schema);
        Map<String, Set<String>> parents = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select st.relname, dt.relname from pg_constraint k
                join pg_class st on st.oid = k.conrelid join pg_namespace sn on sn.oid = st.relnamespace
                join pg_class dt on dt.oid = k.confrelid join pg_namespace dn on dn.oid = dt.relnamespace
                where k.contype = 'f' and sn.nspname = ? and dn.nspname = ? and st.oid <> dt.oid
                """)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parents.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>())
                            .add(rs.getString(2));
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String table : tables) {
            visit(table, parents, ordered, new LinkedHashSet<>());
        }
        return new ArrayList<>(ordered);
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> ordered, Set<String> path) {
        if (ordered.contains(table) || !path.add(table)) {
            return;
        }
        for (String parent : parents.getOrDefault(table, Set.of())) {
            visit(parent, parents, ordered, path);
        }
        ordered.add(table);
    }

    /** Columns that can be written (no generated ones), in table order; identity columns only if asked. */
    List<String> columns(String schema, String table, boolean withIdentity) throws SQLException {
        return strings("""
                select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                  and (? or a.attidentity = '')
                order by a.attnum
                """, schema, table, withIdentity);
    }

    /** The primary key's columns, or empty. */
    List<String> primaryKey(String schema, String table) throws SQLException {
        return strings("""
                select a.attname from pg_index i join pg_class c on c.oid = i.indrelid
                join pg_namespace n on n.oid = c.relnamespace
                join lateral unnest(i.indkey) with ordinality k(attnum, pos) on true
                join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                where n.nspname = ? and c.relname = ? and i.indisprimary
                order by k.pos
                """, schema, table);
    }

    /** Identity columns and the sequence behind each. */
    Map<String, String> identitySequences(String schema, String table) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select a.attname, pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                       a.attname)
                from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped
                  and (a.attidentity <> '' or pg_get_serial_sequence(quote_ident(n.nspname) || '.'
                       || quote_ident(c.relname), a.attname) is not null)
                order by a.attnum
                """)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return result;
    }

    /** Tables of schema core with a single-column foreign key to {@code core.agency}, and that column. */
    Map<String, String> coreTablesReferencingAgency() throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select st.relname, a.attname from pg_constraint k
                join pg_class st on st.oid = k.conrelid join pg_namespace sn on sn.oid = st.relnamespace
                join pg_class dt on dt.oid = k.confrelid join pg_namespace dn on dn.oid = dt.relnamespace
                join pg_attribute a on a.attrelid = st.oid and a.attnum = k.conkey[1]
                where k.contype = 'f' and sn.nspname = 'core' and dn.nspname = 'core' and dt.relname = 'agency'
                  and st.relname <> 'agency' and cardinality(k.conkey) = 1
                order by st.relname
                """);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getString(2));
            }
        }
        return result;
    }

    boolean schemaExists(String schema) throws SQLException {
        return !strings("select nspname from pg_namespace where nspname = ?", schema)
                .isEmpty();
    }

    private List<String> strings(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }
    }
}
