package dev.gongkai.tenants.provisioning;

import dev.gongkai.contract.AgencyKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Provision one agency. The slug is checked by {@code AgencySlug} (which explains what is wrong).
 *
 * @param parent     the agency this one belongs to (a police branch's bureau), or null
 * @param firstAdmin the agency's first administrator; default username {@code <slug>-admin}
 */
public record ProvisionAgency(
        @NotBlank String slug,
        @NotBlank @Size(max = 200) String nameZh,
        @NotNull AgencyKind kind,
        @NotBlank String jurisdiction,
        String parent,
        @Valid FirstAdmin firstAdmin) {

    public record FirstAdmin(
            @NotBlank @Size(max = 100) String username,
            @Size(max = 200) String email) {}

    String adminUsername() {
        return firstAdmin != null ? firstAdmin.username() : slug + "-admin";
    }

    String adminEmail() {
        return firstAdmin != null ? firstAdmin.email() : null;
    }
}
