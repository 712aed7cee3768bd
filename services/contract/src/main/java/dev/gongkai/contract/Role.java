package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The Keycloak realm roles (see ARCHITECTURE.md), by the name the realm and the token use. */
public enum Role {
    AGENCY_EDITOR("agency-editor"),
    AGENCY_APPROVER("agency-approver"),
    AGENCY_ADMIN("agency-admin"),
    OFFICE_REVIEWER("office-reviewer"),
    OFFICE_ADMIN("office-admin"),
    PLATFORM_ADMIN("platform-admin");

    /** The roles any agency may give its own staff. */
    public static final Set<Role> AGENCY = EnumSet.of(AGENCY_EDITOR, AGENCY_APPROVER, AGENCY_ADMIN);
    /** The disclosure office's roles. */
    public static final Set<Role> OFFICE = EnumSet.of(OFFICE_REVIEWER, OFFICE_ADMIN);

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public boolean office() {
        return OFFICE.contains(this);
    }
}
