package dev.gongkai.reports.workflow;

import static dev.gongkai.reports.Staff.approver;
import static dev.gongkai.reports.Staff.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsWebTest;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The operator's move of an agency to another worker ({@code citus_schema_move}) made while the agency's clerks work
 * through the reports service: one clerk keeps saving the 2024 draft, the approver signs off and submits 2023
 * meanwhile. No request fails (each waits at most while the schema is switched over, or copied with
 * {@code block_writes}), every acknowledged save is a revision with what the clerk saved, the submission is recorded,
 * and both audit chains verify on the new worker. Once per transfer mode: {@code block_writes} (writes wait during
 * the copy) and {@code force_logical} (logical replication: writes go on during the copy, only the switch blocks
 * them). Prints the move's duration and the longest request wait per mode (docs/scale-out.md records them).
 * Runs in the Citus execution of {@code -Pcitus} only (the root pom includes {@code *CitusTest}).
 */
@ReportsWebTest
class SchemaMoveCitusTest {

    @TestTenant(jurisdiction = "city-move", nameZh = "迁移市公安局")
    ManagedAgency agency;

    @TestTenant(jurisdiction = "city-move", kind = AgencyKind.DISCLOSURE_OFFICE, nameZh = "迁移市政务公开办")
    ManagedAgency office;

    @Autowired
    MockMvc mvc;

    private TestDatabase db;

    @BeforeEach
    void onCitus(TestDatabase db) {
        assumeTrue(db.onCitus(), "runs in the Citus execution of -Pcitus only");
        this.db = db;
    }

    @ParameterizedTest
    @ValueSource(strings = {"block_writes", "force_logical"})
    void anAgencyMovesToTheOtherWorkerWhileItsClerksSaveAndSubmit(String transferMode) throws Exception {
        for (int year : new int[] {2023, 2024}) {
            expectOk(
                    mvc.perform(post("/api/reports")
                                    .with(editor(agency))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"year\":" + year + "}"))
                            .andReturn(),
                    "create " + year);
            expectOk(
                    mvc.perform(patch("/api/reports/" + year)
                                    .with(editor(agency))
                                    .header("If-Match", "\"r1\"")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(Reports.completePatch(year, 0)))
                            .andReturn(),
                    "complete " + year);
        }
        int before = placement();

        AtomicBoolean moving = new AtomicBoolean(true);
        Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        AtomicLong longestMillis = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread clerk = Thread.ofPlatform().start(() -> {
            int revision = 2;
            while (moving.get() || acknowledged.size() < 10) {
                String narrative = "无。第" + (acknowledged.size() + 1) + "次保存。";
                long t0 = System.nanoTime();
                try {
                    MvcResult saved = mvc.perform(patch("/api/reports/2024")
                                    .with(editor(agency))
                                    .header("If-Match", "\"r" + revision + "\"")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"narrative\":{\"s6\":\"" + narrative + "\"}}"))
                            .andReturn();
                    if (saved.getResponse().getStatus() == 200) {
                        revision = JsonPath.read(saved.getResponse().getContentAsString(), "$.revision");
                        acknowledged.put(revision, narrative);
                    } else {
                        failures.add("save: " + saved.getResponse().getStatus() + " "
                                + saved.getResponse().getContentAsString());
                    }
                } catch (Exception e) {
                    failures.add("save: " + e);
                }
                longestMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
            }
        });
        Thread approverAtWork = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(300);
                failures.addAll(submit2023(longestMillis));
            } catch (Exception e) {
                failures.add("submit: " + e);
            }
        });
        Thread.sleep(200);
        long moveStart = System.nanoTime();
        db.dsl()
                .execute(
                        "select citus_schema_move(?::regnamespace, '127.0.0.1', ?, ?::citus.shard_transfer_mode)",
                        '"' + agency.slug().schemaName() + '"',
                        otherWorker(before),
                        transferMode);
        long moveMillis = (System.nanoTime() - moveStart) / 1_000_000;
        moving.set(false);
        clerk.join();
        approverAtWork.join();

        assertThat(failures).isEmpty();
        assertThat(placement()).isNotEqualTo(before);
        int saves = acknowledged.size();
        String draft = mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(draft, "$.revision")).isEqualTo(2 + saves);
        assertThat(JsonPath.<String>read(draft, "$.narrative.s6")).isEqualTo("无。第" + saves + "次保存。");
        assertThat(revisionsStored(2024))
                .as("every acknowledged save is the revision it was acknowledged as, with what was saved")
                .containsAllEntriesOf(acknowledged)
                .hasSize(2 + saves);
        String submitted = mvc.perform(get("/api/reports/2023").with(editor(agency)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(submitted, "$.status")).isEqualTo("SUBMITTED");
        for (int year : new int[] {2023, 2024}) {
            String verified = mvc.perform(
                            get("/api/reports/" + year + "/audit/verify").with(editor(agency)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<Boolean>read(verified, "$.intact"))
                    .as("audit chain of %d: %s", year, verified)
                    .isTrue();
        }
        System.out.printf(
                "[citus] schema move (%s) under the reports service: move %d ms, %d saves and a submission,"
                        + " none failed, longest request %d ms, load average %.1f%n",
                transferMode,
                moveMillis,
                saves,
                longestMillis.get(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The approver signs off and submits 2023, explaining whatever warnings it has. */
    private List<String> submit2023(AtomicLong longestMillis) throws Exception {
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        MvcResult signoff = transition(editor(agency), "request-signoff", "");
        longestMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
        if (signoff.getResponse().getStatus() != 200) {
            failures.add("request-signoff: " + signoff.getResponse().getContentAsString());
            return failures;
        }
        List<String> warnings = JsonPath.read(
                mvc.perform(get("/api/reports/2023/findings").with(editor(agency)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[?(@.severity=='warning')].id");
        String explanations = warnings.stream()
                .map(id -> "\"" + id + "\":\"已核实，情况属实。\"")
                .collect(Collectors.joining(",", ",\"explanations\":{", "}"));
        t0 = System.nanoTime();
        MvcResult submit = transition(approver(agency), "submit", explanations);
        longestMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
        if (submit.getResponse().getStatus() != 200) {
            failures.add("submit: " + submit.getResponse().getContentAsString());
        }
        return failures;
    }

    private MvcResult transition(JwtRequestPostProcessor who, String action, String extra) throws Exception {
        return mvc.perform(post("/api/reports/2023/transitions")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"" + action + "\"" + extra + "}"))
                .andReturn();
    }

    private static void expectOk(MvcResult result, String what) throws Exception {
        assertThat(result.getResponse().getStatus())
                .as(what + ": " + result.getResponse().getContentAsString())
                .isBetween(200, 201);
    }

    /** The stored revisions of a year: the revision number and the narrative's section 6 it saved. */
    private Map<Integer, String> revisionsStored(int year) {
        Map<Integer, String> stored = new HashMap<>();
        db.dsl()
                .fetch(
                        "select revision, document->'narrative'->>'s6' from \""
                                + agency.slug().schemaName() + "\".report_revision where year = ?",
                        year)
                .forEach(r -> stored.put(r.get(0, Integer.class), r.get(1, String.class)));
        return stored;
    }

    private int placement() {
        return db.dsl()
                .fetchSingle(
                        "select distinct nodeport from citus_shards where table_name::text like ?",
                        agency.slug().schemaName() + ".%")
                .get(0, Integer.class);
    }

    private int otherWorker(int worker) {
        return db.dsl()
                .fetchSingle(
                        "select nodeport from pg_dist_node where nodeport <> ? and shouldhaveshards"
                                + " and groupid <> 0",
                        worker)
                .get(0, Integer.class);
    }
}
