package dev.gongkai.reports.onboarding;

import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.officeAdmin;
import static dev.gongkai.reports.Staff.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.reports.Fixtures;
import dev.gongkai.reports.ReportsWebTest;
import dev.gongkai.reports.report.Years;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@ReportsWebTest
class OnboardingTest {

    @TestTenant(jurisdiction = "city-onboard", nameZh = "乌海市公安局")
    ManagedAgency police;

    @TestTenant(jurisdiction = "city-onboard", nameZh = "乌海市教育局")
    ManagedAgency education;

    @TestTenant(jurisdiction = "city-onboard", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @Autowired
    MockMvc mvc;

    @Autowired
    jakarta.servlet.MultipartConfigElement multipart;

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private ResultActions upload(byte[] zip, String mapping) throws Exception {
        return upload("/api/office/imports", zip, mapping);
    }

    private ResultActions upload(String uri, byte[] zip, String mapping) throws Exception {
        var request = multipart(uri)
                .file(new MockMultipartFile("file", "history.zip", "application/zip", zip))
                .with(officeAdmin(office));
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        return mvc.perform(request);
    }

    private byte[] history() throws IOException {
        String report = new String(Fixtures.bytes("fixtures/wuhai-psb-2021.txt"), StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("2021/wuhai-psb-2021.txt", report.getBytes(StandardCharsets.UTF_8));
        files.put("2021/jiaoyu.txt", report.replace("乌海市公安局", "乌海市教育体育局").getBytes(StandardCharsets.UTF_8));
        files.put("2021/stranger.txt", report.replace("乌海市公安局", "某某县某某局").getBytes(StandardCharsets.UTF_8));
        files.put("index.html", "<html><body><p>目录</p></body></html>".getBytes(StandardCharsets.UTF_8));
        files.put("__MACOSX/._wuhai-psb-2021.txt", new byte[] {0});
        return zip(files);
    }

    private long publishedEvents(TestDatabase db) {
        return db.dsl()
                .fetchCount(
                        OUTBOX,
                        OUTBOX.TYPE
                                .eq("ReportPublished")
                                .and(OUTBOX.AGGREGATE.in(
                                        "report:" + police.slug() + ":2021", "report:" + education.slug() + ":2021")));
    }

    @Test
    void matchesEachFileToAnAgencyAndStoresItAsPublishedHistoryOnce(TestDatabase db) throws Exception {
        upload(history(), "{\"jiaoyu.txt\":\"" + education.slug() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files").value(4))
                .andExpect(jsonPath("$.outcomes.imported").value(2))
                .andExpect(jsonPath("$.outcomes.unmatched").value(1))
                .andExpect(jsonPath("$.outcomes.unreadable").value(1))
                .andExpect(jsonPath("$.results[0].agency").value(police.slug().value()))
                .andExpect(
                        jsonPath("$.results[1].agency").value(education.slug().value()))
                .andExpect(jsonPath("$.results[2].code").value("NAME"))
                .andExpect(jsonPath("$.results[3].message_en").isString());
        mvc.perform(get("/api/reports/2021").with(editor(police)))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.source").value("IMPORTED"));
        assertThat(publishedEvents(db)).isEqualTo(2);
        String payload = db.dsl()
                .select(OUTBOX.PAYLOAD)
                .from(OUTBOX)
                .where(OUTBOX.AGGREGATE.eq("report:" + police.slug() + ":2021"), OUTBOX.TYPE.eq("ReportPublished"))
                .fetchOne()
                .value1()
                .data();
        assertThat(payload).contains("\"imported\": true").contains("\"publishedAt\": \"2022-01-18T16:00:00Z\"");

        upload(history(), "{\"jiaoyu.txt\":\"" + education.slug() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes.already-imported").value(2))
                .andExpect(jsonPath("$.outcomes.imported").doesNotExist());
        assertThat(publishedEvents(db)).isEqualTo(2);

        // Cross-year rules work from the first cycle: the 2022 draft starts from the imported 2021 report.
        mvc.perform(post("/api/reports")
                        .with(editor(police))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2022}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cells['s3.carriedOver.total']").isNumber());
    }

    @Test
    void theCycleBeingDraftedIsNeverImportedAndImportsKeepTheirFindings(TestDatabase db) throws Exception {
        // The first year whose deadline has not passed, and this calendar year (the same year from February on).
        int drafting = Onboarding.lastHistoryYear() + 1;
        int thisYear = Years.current();
        String report = new String(Fixtures.bytes("fixtures/wuhai-psb-2021.txt"), StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                "psb-current.txt",
                report.replace("2021", Integer.toString(drafting)).getBytes(StandardCharsets.UTF_8));
        files.put(
                "psb-this-year.txt",
                report.replace("2021", Integer.toString(thisYear)).getBytes(StandardCharsets.UTF_8));
        files.put("psb-2021.txt", report.getBytes(StandardCharsets.UTF_8));

        upload(zip(files), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes.current-cycle").value(2))
                .andExpect(jsonPath("$.outcomes.imported").value(1))
                .andExpect(jsonPath("$.results[0].year").value(drafting))
                .andExpect(jsonPath("$.results[0].code").value("CURRENT_CYCLE"))
                .andExpect(jsonPath("$.results[0].message_zh").value(org.hamcrest.Matchers.containsString("当前填报周期")))
                .andExpect(jsonPath("$.results[0].message_en")
                        .value(org.hamcrest.Matchers.containsString("through the workflow")))
                .andExpect(jsonPath("$.results[2].findings").isArray());

        for (int year : new int[] {drafting, thisYear}) {
            mvc.perform(get("/api/reports/" + year).with(editor(police))).andExpect(status().isNotFound());
            assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.AGGREGATE.eq("report:" + police.slug() + ":" + year)))
                    .isZero();
        }
        // The current cycle still goes through the workflow: the agency can start its draft.
        mvc.perform(post("/api/reports")
                        .with(editor(police))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":" + drafting + "}"))
                .andExpect(status().isCreated());
        // The findings of the imported history are kept in its audit trail.
        mvc.perform(get("/api/reports/2021/audit").with(editor(police)))
                .andExpect(jsonPath("$[0].action").value("report.onboard"))
                .andExpect(jsonPath("$[0].after.findings").isArray());
    }

    @Test
    void aZipBombIsRefusedWithTheLimitItWentPastAndNothingIsStored(TestDatabase db) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("wuhai-psb-2021.txt", Fixtures.bytes("fixtures/wuhai-psb-2021.txt"));
        files.put("bomb.txt", new byte[64 * 1024 * 1024 + 1]);
        byte[] bomb = zip(files);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        upload(bomb, null)
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("onboarding.zip.too-large"))
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.message_zh")
                        .value("压缩包解压后过大（“bomb.txt”处超过限制：单个文件 64 MB，合计 256 MB），" + "疑为压缩炸弹，未导入任何内容"))
                .andExpect(jsonPath("$.message_en")
                        .value("The zip inflates beyond its limits at \"bomb.txt\" "
                                + "(64 MB per file, 256 MB in all); nothing was imported"));
        assertThat(publishedEvents(db)).isZero();
        mvc.perform(get("/api/reports/2021").with(editor(police))).andExpect(status().isNotFound());
    }

    @Test
    void aZipWhoseFilesTogetherInflatePastTheTotalIsRefusedAtTheFileThatCrossesIt(TestDatabase db) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("wuhai-psb-2021.txt", Fixtures.bytes("fixtures/wuhai-psb-2021.txt"));
        for (int i = 1; i <= 5; i++) {
            files.put("part" + i + ".txt", new byte[60 * 1024 * 1024]);
        }
        upload("/api/office/imports/check", zip(files), null)
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("onboarding.zip.too-large"))
                .andExpect(jsonPath("$.message_en").value(org.hamcrest.Matchers.containsString("at \"part5.txt\"")));
        upload(zip(files), null).andExpect(status().isContentTooLarge());
        assertThat(publishedEvents(db)).isZero();
    }

    @Test
    void aZipFromChineseWindowsWithGbkNamesIsRead() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, java.nio.charset.Charset.forName("GBK"))) {
            zip.putNextEntry(new ZipEntry("年报/公安局2021.txt"));
            zip.write(Fixtures.bytes("fixtures/wuhai-psb-2021.txt"));
            zip.closeEntry();
        }
        upload("/api/office/imports/check", out.toByteArray(), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].file").value("年报/公安局2021.txt"))
                .andExpect(jsonPath("$.results[0].outcome").value("import"));
    }

    @Test
    void aZipInsideTheZipIsListedFileByFileButNotImported() throws Exception {
        byte[] inner = zip(Map.of("wuhai-psb-2021.txt", Fixtures.bytes("fixtures/wuhai-psb-2021.txt")));
        upload(zip(Map.of("older/archive.zip", inner)), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files").value(1))
                .andExpect(jsonPath("$.results[0].file").value("older/archive.zip!/wuhai-psb-2021.txt"))
                .andExpect(jsonPath("$.results[0].outcome").value("unreadable"))
                .andExpect(jsonPath("$.results[0].code").value("NESTED"));
    }

    @Test
    void theContainerLetsAnArchiveOfItsKindsLimitThrough() {
        assertThat(multipart.getMaxFileSize())
                .isEqualTo(dev.gongkai.contract.UploadKind.ARCHIVE.maxBytes())
                .isEqualTo(64L * 1024 * 1024);
        assertThat(multipart.getMaxRequestSize()).isGreaterThan(multipart.getMaxFileSize());
    }

    @Test
    void aZipOfTenThousandEntriesIsRefused() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            files.put("f" + i + ".txt", new byte[] {'x'});
        }
        upload(zip(files), null)
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("onboarding.zip.too-many-entries"));
    }

    @Test
    void refusesWhatIsNotAZipABadMappingAndReviewers() throws Exception {
        upload("not a zip".getBytes(StandardCharsets.UTF_8), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("file"));
        upload(history(), "[1]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("mapping"));
        mvc.perform(multipart("/api/office/imports")
                        .file(new MockMultipartFile("file", "h.zip", "application/zip", history()))
                        .with(reviewer(office)))
                .andExpect(status().isForbidden());
    }

    /** A demo city's history beside real reports of other cities, as an office's archive mixes them. */
    private static byte[] archive() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path demo = Path.of("../../infra/demo/reports");
        files.put("公安局/wuhai-psb-2020.txt", Files.readAllBytes(demo.resolve("wuhai-psb-2020.txt")));
        files.put("公安局/wuhai-psb-2021.txt", Files.readAllBytes(demo.resolve("wuhai-psb-2021.txt")));
        files.put("教育局/wuhai-edu-2021.txt", Files.readAllBytes(demo.resolve("wuhai-edu-2021.txt")));
        // The demo's newest report, as if written for the cycle being drafted now.
        files.put(
                "教育局/wuhai-edu-drafting.txt",
                Files.readString(demo.resolve("wuhai-edu-2025.txt"))
                        .replace("2025", Integer.toString(Onboarding.lastHistoryYear() + 1))
                        .getBytes(StandardCharsets.UTF_8));
        files.put("三明/001_sanming_2019.txt", Fixtures.bytes("fixtures/real/reports/001_sanming_2019.txt"));
        files.put("说明.doc", "目录".getBytes(StandardCharsets.UTF_8));
        return zip(files);
    }

    @Test
    void theCheckSaysWhatImportingWouldDoFileByFileAndSavesNothing(TestDatabase db) throws Exception {
        upload("/api/office/imports/check", archive(), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files").value(6))
                .andExpect(jsonPath("$.summary.files").value(6))
                .andExpect(jsonPath("$.summary.reports").value(5))
                .andExpect(jsonPath("$.summary.notReports").value(1))
                .andExpect(jsonPath("$.outcomes.import").value(3))
                .andExpect(jsonPath("$.outcomes.current-cycle").value(1))
                .andExpect(jsonPath("$.outcomes.unmatched").value(1))
                .andExpect(jsonPath("$.outcomes.unreadable").value(1))
                .andExpect(jsonPath("$.results[0].file").value("公安局/wuhai-psb-2020.txt"))
                .andExpect(jsonPath("$.results[0].outcome").value("import"))
                .andExpect(jsonPath("$.results[0].agency").value(police.slug().value()))
                .andExpect(jsonPath("$.results[0].agencyName").value("乌海市公安局"))
                .andExpect(jsonPath("$.results[0].year").value(2020))
                .andExpect(jsonPath("$.results[0].format").value("2019"))
                .andExpect(jsonPath("$.results[0].unreadableCells").value(0))
                .andExpect(jsonPath("$.results[1].format").value("2021"))
                .andExpect(
                        jsonPath("$.results[2].agency").value(education.slug().value()))
                .andExpect(jsonPath("$.results[3].outcome").value("current-cycle"))
                .andExpect(jsonPath("$.results[3].year").value(Onboarding.lastHistoryYear() + 1))
                .andExpect(jsonPath("$.results[4].outcome").value("unmatched"))
                .andExpect(jsonPath("$.results[4].code").value("NAME"))
                .andExpect(jsonPath("$.results[4].reportAgency").value("三明市"))
                .andExpect(jsonPath("$.results[4].year").value(2019))
                .andExpect(jsonPath("$.results[4].format").value("2019"))
                .andExpect(jsonPath("$.results[4].message_zh").value(org.hamcrest.Matchers.containsString("三明市")))
                .andExpect(jsonPath("$.results[5].outcome").value("unreadable"))
                .andExpect(jsonPath("$.results[5].format").doesNotExist());
        assertThat(publishedEvents(db)).isZero();
        mvc.perform(get("/api/reports/2020").with(editor(police))).andExpect(status().isNotFound());

        // The import does what the check said: the three files it would import, and nothing else.
        upload(archive(), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes.imported").value(3))
                .andExpect(jsonPath("$.outcomes.current-cycle").value(1))
                .andExpect(jsonPath("$.results[0].outcome").value("imported"))
                .andExpect(jsonPath("$.results[0].year").value(2020));
        mvc.perform(get("/api/reports/2020").with(editor(police)))
                .andExpect(jsonPath("$.source").value("IMPORTED"));
        assertThat(publishedEvents(db)).isEqualTo(2);

        // Checked again, the same files are already there; a mapping sends 三明's report to an agency.
        upload("/api/office/imports/check", archive(), "{\"001_sanming_2019.txt\":\"" + education.slug() + "\"}")
                .andExpect(jsonPath("$.outcomes.already-imported").value(3))
                .andExpect(jsonPath("$.outcomes.import").value(1))
                .andExpect(
                        jsonPath("$.results[4].agency").value(education.slug().value()));
    }

    @Test
    void onlyTheOfficeAdminChecks() throws Exception {
        mvc.perform(multipart("/api/office/imports/check")
                        .file(new MockMultipartFile("file", "h.zip", "application/zip", history()))
                        .with(reviewer(office)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/office/imports/check")
                        .file(new MockMultipartFile("file", "h.zip", "application/zip", history()))
                        .with(editor(police)))
                .andExpect(status().isForbidden());
        upload("/api/office/imports/check", "not a zip".getBytes(StandardCharsets.UTF_8), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("onboarding.zip.invalid"));
    }
}
