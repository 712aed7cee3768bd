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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The operator's move of an agency to another worker ({@code citus_schema_move}, {@code block_writes}) made while
 * the agency's clerks work through the reports service: one clerk keeps saving the 2024 draft, the approver signs
 * off and submits 2023 meanwhile. No request fails (each waits at most while the schema is copied), every save is
 * a revision, the submission is recorded, and both audit chains verify on the new worker.
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

    @Test
    void anAgencyMovesToTheOtherWorkerWhileItsClerksSaveAndSubmit() throws Exception {
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
        AtomicInteger saves = new AtomicInteger();
        AtomicLong longestMillis = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread clerk = Thread.ofPlatform().start(() -> {
            int revision = 2;
            while (moving.get() || saves.get() < 10) {
                long t0 = System.nanoTime();
                try {
                    MvcResult saved = mvc.perform(patch("/api/reports/2024")
                                    .with(editor(agency))
                                    .header("If-Match", "\"r" + revision + "\"")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"narrative\":{\"s6\":\"无。第" + (saves.get() + 1) + "次保存。\"}}"))
                            .andReturn();
                    if (saved.getResponse().getStatus() == 200) {
                        revision = JsonPath.read(saved.getResponse().getContentAsString(), "$.revision");
                        saves.incrementAndGet();
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
                failures.addAll(submit2023());
            } catch (Exception e) {
                failures.add("submit: " + e);
            }
        });
        Thread.sleep(200);
        long moveStart = System.nanoTime();
        db.dsl()
                .execute(
                        "select citus_schema_move(?::regnamespace, '127.0.0.1', ?, 'block_writes')",
                        '"' + agency.slug().schemaName() + '"',
                        otherWorker(before));
        long moveMillis = (System.nanoTime() - moveStart) / 1_000_000;
        moving.set(false);
        clerk.join();
        approverAtWork.join();

        assertThat(failures).isEmpty();
        assertThat(placement()).isNotEqualTo(before);
        String draft = mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(draft, "$.revision")).isEqualTo(2 + saves.get());
        assertThat(JsonPath.<String>read(draft, "$.narrative.s6")).isEqualTo("无。第" + saves.get() + "次保存。");
        assertThat(revisionsStored(2024)).isEqualTo(2 + saves.get());
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
                "[citus] schema move under the reports service: move %d ms, %d saves and a submission,"
                        + " none failed, longest save %d ms%n",
                moveMillis, saves.get(), longestMillis.get());
    }

    /** The approver signs off and submits 2023, explaining whatever warnings it has. */
    private List<String> submit2023() throws Exception {
        List<String> failures = new ArrayList<>();
        MvcResult signoff = transition(editor(agency), "request-signoff", "");
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
        MvcResult submit = transition(approver(agency), "submit", explanations);
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

    private long revisionsStored(int year) {
        return db.dsl()
                .fetchSingle(
                        "select count(*) from \"" + agency.slug().schemaName() + "\".report_revision where year = ?",
                        year)
                .get(0, Long.class);
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
