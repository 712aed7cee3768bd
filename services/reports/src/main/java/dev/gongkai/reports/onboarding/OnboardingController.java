package dev.gongkai.reports.onboarding;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.reports.report.Permissions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code POST /api/office/imports}: a zip of published reports, with an optional mapping file name → agency slug. */
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

    record Summary(int files, Map<String, Long> outcomes, List<Onboarding.FileResult> results) {
    }

    @PostMapping("/api/office/imports")
    Summary importZip(Caller caller, @RequestParam(value = "file", required = false) MultipartFile file,
                      @RequestParam(value = "mapping", required = false) String mapping) throws IOException {
        Permissions.requireRole(caller, Roles.OFFICE_ADMIN);
        if (access.supervisedJurisdictions(caller).isEmpty()) {
            throw new ApiException(ProblemCode.ACCESS_DENIED).variant("onboarding");
        }
        if (file == null || file.isEmpty()) {
            throw new ApiException(ProblemCode.ONBOARDING_FILE_REQUIRED).atField("file");
        }
        Map<String, String> map = Onboarding.mapping(mapping, json);
        List<ZipEntries.File> files;
        try (var in = file.getInputStream()) {
            files = ZipEntries.read(in);
        }
        var results = onboarding.importAll(caller, files, map);
        Map<String, Long> outcomes = new java.util.TreeMap<>();
        results.forEach(r -> outcomes.merge(r.outcome(), 1L, Long::sum));
        return new Summary(results.size(), outcomes, results);
    }
}
