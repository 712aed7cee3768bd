package dev.gongkai.reports;

import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTokens;
import java.util.List;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** Tokens of the people who work on reports: an agency's editor and approver, an office's reviewer and head. */
public final class Staff {

    private Staff() {}

    public static JwtRequestPostProcessor editor(ManagedAgency agency) {
        return TestTokens.token("editor-" + agency.slug(), List.of(agency.slug()), Roles.AGENCY_EDITOR);
    }

    public static JwtRequestPostProcessor secondEditor(ManagedAgency agency) {
        return TestTokens.token("editor2-" + agency.slug(), List.of(agency.slug()), Roles.AGENCY_EDITOR);
    }

    public static JwtRequestPostProcessor approver(ManagedAgency agency) {
        return TestTokens.token("approver-" + agency.slug(), List.of(agency.slug()), Roles.AGENCY_APPROVER);
    }

    /** Someone who both edits and signs off (small agencies). */
    public static JwtRequestPostProcessor editorAndApprover(ManagedAgency agency) {
        return TestTokens.token(
                "head-" + agency.slug(), List.of(agency.slug()), Roles.AGENCY_EDITOR, Roles.AGENCY_APPROVER);
    }

    public static JwtRequestPostProcessor reviewer(ManagedAgency office) {
        return TestTokens.token("reviewer-" + office.slug(), List.of(office.slug()), Roles.OFFICE_REVIEWER);
    }

    public static JwtRequestPostProcessor officeAdmin(ManagedAgency office) {
        return TestTokens.token("office-admin-" + office.slug(), List.of(office.slug()), Roles.OFFICE_ADMIN);
    }

    public static JwtRequestPostProcessor officeBoth(ManagedAgency office) {
        return TestTokens.officeOf(office);
    }
}
