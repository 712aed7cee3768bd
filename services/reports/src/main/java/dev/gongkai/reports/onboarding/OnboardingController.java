package dev.gongkai.reports.onboarding;

import dev.gongkai.contract.OnboardingPlan;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.report.batch.Document;
import dev.gongkai.reports.report.Permissions;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office's onboarding of published reports from a zip, with an optional mapping file name → agency slug:
 * {@code POST /api/office/imports/check} says what importing would do, file by file, and saves nothing;
 * {@code POST /api/office/imports} imports. Both read the zip with the same batch check and decide with the same
 * rules, so the import does what the check showed.
 */
@RestController
class OnboardingController {

    private final Onboarding onboarding;
    private final AgencyAccess access;
    private final JsonMapper json;

    OnboardingController(Onboarding onboarding, AgencyAccess access, JsonMapper json) {
        this.onboarding = onboarding;
        this.access = access;
        this.json = json;
    }

    private record Upload(List<Document> files, Map<String, String> mapping) {}

    @PostMapping("/api/office/imports/check")
    OnboardingPlan check(
            Caller caller,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "mapping", required = false) String mapping)
            throws IOException {
        Upload upload = upload(caller, file, mapping);
        return onboarding.check(caller, upload.files(), upload.mapping()).plan();
    }

    @PostMapping("/api/office/imports")
    OnboardingPlan importZip(
            Caller caller,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "mapping", required = false) String mapping)
            throws IOException {
        Upload upload = upload(caller, file, mapping);
        return onboarding.importAll(caller, upload.files(), upload.mapping()).plan();
    }

    /** An office-admin of a supervised jurisdiction, a zip read within bounds, a valid mapping: or the problem. */
    private Upload upload(Caller caller, MultipartFile file, String mapping) throws IOException {
        Permissions.requireRole(caller, Roles.OFFICE_ADMIN);
        if (access.supervisedJurisdictions(caller).isEmpty()) {
            throw new ApiException(ProblemCode.ACCESS_DENIED).variant("onboarding");
        }
        if (file == null || file.isEmpty()) {
            throw new ApiException(ProblemCode.ONBOARDING_FILE_REQUIRED).atField("file");
        }
        Map<String, String> map = Onboarding.mapping(mapping, json);
        try (var in = file.getInputStream()) {
            return new Upload(ZipEntries.read(in), map);
        }
    }
}
