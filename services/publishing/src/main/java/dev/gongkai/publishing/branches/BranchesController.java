package dev.gongkai.publishing.branches;

import dev.gongkai.contract.BranchesView;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.publishing.compliance.OfficeScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/branches?year=}: the acting agency's branches and how far each is with the year's report. */
@RestController
class BranchesController {

    private final Branches branches;

    BranchesController(Branches branches) {
        this.branches = branches;
    }

    @GetMapping("/api/branches")
    BranchesView branches(ActingAgency acting, @RequestParam(required = false) Integer year) {
        int y = OfficeScope.year(year);
        return new BranchesView(y, branches.progress(acting, y));
    }
}
