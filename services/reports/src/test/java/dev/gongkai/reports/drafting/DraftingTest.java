package dev.gongkai.reports.drafting;

import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.secondEditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.China;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsWebTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@ReportsWebTest
class DraftingTest {

    @TestTenant(nameZh = "测试市教育局")
    ManagedAgency agency;

    @Autowired
    MockMvc mvc;

    private MvcResult create(int year) throws Exception {
        return mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":" + year + "}"))
                .andReturn();
    }

    @Test
    void createsADraftWithEveryCellBlankNotZero() throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/reports/2024"))
                .andExpect(header().string("ETag", "\"r1\""))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.agency").value("测试市教育局"))
                .andExpect(jsonPath("$.blank").value(hasItem("s3.received.total")))
                .andExpect(jsonPath("$.cells['s3.received.total']").doesNotExist())
                .andExpect(jsonPath("$.findings[?(@.rule=='CELL_MISSING')].id").exists());
        mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"r1\""))
                .andExpect(jsonPath("$.format").value("2021"));
    }

    @Test
    void prefillsCarriedOverAndInForceFromLastYear() throws Exception {
        create(2023);
        mvc.perform(patch("/api/reports/2023")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.patch(Map.of(
                                "s3.carriedForward.naturalPerson",
                                4,
                                "s3.carriedForward.total",
                                4,
                                "s2.regulations.inForce",
                                12))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"r2\""));

        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cells['s3.carriedOver.naturalPerson']").value(4))
                .andExpect(jsonPath("$.cells['s3.carriedOver.total']").value(4))
                .andExpect(jsonPath("$.cells['s2.regulations.inForce']").value(12))
                .andExpect(jsonPath("$.blank").value(hasItem("s3.carriedOver.commercial")))
                .andExpect(jsonPath("$.blank").value(hasItem("s3.received.naturalPerson")));
    }

    @Test
    void refusesASecondReportForTheSameYear() throws Exception {
        create(2024);
        assertThat(create(2024).getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void listsTheAgencysReportsNewestFirst() throws Exception {
        create(2023);
        create(2024);
        mvc.perform(get("/api/reports").with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].year").value(2024))
                .andExpect(jsonPath("$[1].status").value("DRAFT"));
    }

    @Test
    void savesAPatchAndAnswersWithTheNewRevisionAndAllFindings() throws Exception {
        create(2024);
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.completePatch(2024, 0)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"r2\""))
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.findings[?(@.severity=='error')]").isEmpty())
                .andExpect(jsonPath("$.totals").isEmpty());
        mvc.perform(
                        patch("/api/reports/2024")
                                .with(editor(agency))
                                .header("If-Match", "\"r2\"")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"cells\":{\"s3.received.total\":7,\"s4.review.total\":null},\"narrative\":{\"s6\":\"无\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(3))
                .andExpect(jsonPath("$.findings[?(@.rule=='S3_ROW_TOTAL')].cells[0]")
                        .exists())
                .andExpect(jsonPath("$.findings[?(@.rule=='CELL_MISSING')].cells[0]")
                        .value("s4.review.total"))
                // The wrong total and the blank one are offered the sums of their parts, not written.
                .andExpect(jsonPath("$.totals[*].cell").value(contains("s3.received.total", "s4.review.total")))
                .andExpect(jsonPath("$.totals[0].sum").isNumber())
                .andExpect(jsonPath("$.totals[0].kind").value("TOTAL"));
        mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andExpect(jsonPath("$.cells['s3.received.total']").value(7))
                .andExpect(jsonPath("$.blank").value(hasItem("s4.review.total")))
                .andExpect(jsonPath("$.narrative.s6").value("无"));
        mvc.perform(get("/api/reports/2024/findings").with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").isString())
                .andExpect(jsonPath("$[0].message_zh").isString())
                .andExpect(jsonPath("$[0].message_en").isString());
        // 结转下年度 is no sum but what S3_BALANCE leaves: 1 received + 0 carried over − 0 handled = 1, offered as such.
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r3\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cells\":{\"s3.granted.naturalPerson\":0,\"s3.handledTotal.naturalPerson\":0}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals[?(@.kind=='CARRY_FORWARD')].cell")
                        .value(contains("s3.carriedForward.naturalPerson")))
                .andExpect(jsonPath("$.totals[?(@.kind=='CARRY_FORWARD')].sum").value(contains(1)));
    }

    @Test
    void findingIdsStayTheSameWhileTheFindingPersists() throws Exception {
        create(2024);
        String first = mvc.perform(get("/api/reports/2024/findings").with(editor(agency)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"narrative\":{\"s6\":\"无\"}}"))
                .andExpect(status().isOk());
        String second = mvc.perform(get("/api/reports/2024/findings").with(editor(agency)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String s1Missing = com.jayway.jsonpath.JsonPath.<net.minidev.json.JSONArray>read(
                        first, "$[?(@.rule=='NARRATIVE_MISSING' && @.cells[0]=='s1')].id")
                .get(0)
                .toString();
        assertThat(second).contains(s1Missing);
    }

    @Test
    void aStaleRevisionGets409WithTheCurrentValuesAndNothingIsOverwritten() throws Exception {
        create(2024);
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.patch(Map.of("s3.received.total", 5))))
                .andExpect(status().isOk());
        mvc.perform(patch("/api/reports/2024")
                        .with(secondEditor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.patch(Map.of("s3.received.total", 9))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("report.revision.stale"))
                .andExpect(jsonPath("$.current_revision").value(2))
                .andExpect(jsonPath("$.current.cells['s3.received.total']").value(5))
                .andExpect(jsonPath("$.conflicting_cells[0]").value("s3.received.total"));
        mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andExpect(jsonPath("$.cells['s3.received.total']").value(5))
                .andExpect(jsonPath("$.revision").value(2));
    }

    @Test
    void twoEditorsSavingTheSameRevisionAtOnceGetExactlyOneConflict() throws Exception {
        create(2024);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                start.await();
                return mvc.perform(patch("/api/reports/2024")
                                .with(editor(agency))
                                .header("If-Match", "\"r1\"")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(Reports.patch(Map.of("s3.received.total", 5))))
                        .andReturn()
                        .getResponse()
                        .getStatus();
            });
            var b = pool.submit(() -> {
                start.await();
                return mvc.perform(patch("/api/reports/2024")
                                .with(secondEditor(agency))
                                .header("If-Match", "\"r1\"")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(Reports.patch(Map.of("s3.received.total", 9))))
                        .andReturn()
                        .getResponse()
                        .getStatus();
            });
            start.countDown();
            assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        String body = mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).containsAnyOf("\"s3.received.total\":5", "\"s3.received.total\":9");
        mvc.perform(get("/api/reports/2024/revisions").with(editor(agency)))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void aPatchWithoutIfMatchIsRefused() throws Exception {
        create(2024);
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.patch(Map.of("s3.received.total", 5))))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.field").value("If-Match"));
    }

    @Test
    void badInputIsRefusedWithItsPathAndNothingIsSaved() throws Exception {
        create(2024);
        record Case(String body, int status, String field) {}
        var cases = java.util.List.of(
                new Case("{\"cells\":{\"s3.nonsense.total\":1}}", 422, "cells.s3.nonsense.total"),
                new Case("{\"cells\":{\"s3.received.total\":-1}}", 422, "cells.s3.received.total"),
                new Case("{\"cells\":{\"s3.received.total\":1.5}}", 422, "cells.s3.received.total"),
                new Case("{\"cells\":{\"s3.received.total\":\"many\"}}", 422, "cells.s3.received.total"),
                new Case("{\"cells\":{\"s3.received.total\":true}}", 422, "cells.s3.received.total"),
                new Case("{\"narrative\":{\"s9\":\"x\"}}", 422, "narrative.s9"),
                new Case("{\"year\":2020}", 422, "year"),
                new Case("{\"cells\":{\"s3.received.total\":1,\"s3.received.total\":2}}", 400, null),
                new Case("{\"cells\":", 400, null),
                new Case("[1,2]", 400, null));
        for (Case c : cases) {
            var result = mvc.perform(patch("/api/reports/2024")
                            .with(editor(agency))
                            .header("If-Match", "\"r1\"")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(c.body()))
                    .andExpect(status().is(c.status()))
                    .andExpect(jsonPath("$.code").isString())
                    .andExpect(jsonPath("$.message_zh").isString())
                    .andExpect(jsonPath("$.message_en").isString());
            if (c.field() != null) {
                result.andExpect(jsonPath("$.errors[0].field").value(c.field()));
            }
        }
        // One code, one status: a body that is no object has its own 400 code, not report.patch.invalid's 422.
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[1,2]"))
                .andExpect(jsonPath("$.code").value("report.patch.not-object"))
                .andExpect(jsonPath("$.message_zh").value("请求内容应为 JSON 对象，未保存任何内容"));
        String huge = "{\"narrative\":{\"s1\":\"" + "很".repeat(10 * 1024 * 1024 / 3) + "\"}}";
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.narrative.s1").doesNotExist());
        mvc.perform(get("/api/reports/2024/revisions").with(editor(agency)))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aYearInTheFutureOrBeforeTheFormatIsRefused() throws Exception {
        int next = java.time.LocalDate.now(China.ZONE).getYear() + 1;
        for (int year : new int[] {next, 2018}) {
            mvc.perform(post("/api/reports")
                            .with(editor(agency))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"year\":" + year + "}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.field").value("year"));
        }
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/" + next).with(editor(agency))).andExpect(status().isNotFound());
    }

    @Test
    void theRevisionDiffListsEveryChangedCellAndSection() throws Exception {
        create(2024);
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cells\":{\"s3.received.total\":7},\"narrative\":{\"s6\":\"无\"}}"))
                .andExpect(status().isOk());
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cells\":{\"s3.received.total\":8}}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/reports/2024/revisions/1/diff/3").with(editor(agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cells.length()").value(1))
                .andExpect(jsonPath("$.cells[0].key").value("s3.received.total"))
                .andExpect(jsonPath("$.cells[0].beforeState").value("blank"))
                .andExpect(jsonPath("$.cells[0].after").value(8))
                .andExpect(jsonPath("$.narrative[0].key").value("s6"))
                .andExpect(jsonPath("$.narrative[0].after").value("无"));
        mvc.perform(get("/api/reports/2024/revisions/1/diff/9").with(editor(agency)))
                .andExpect(status().isNotFound());
    }
}
