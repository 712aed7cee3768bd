package dev.gongkai.tenants.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param parent the enclosing jurisdiction (a district's city), or null for a city */
public record CreateJurisdiction(
        @NotBlank String slug, @NotBlank @Size(max = 200) String nameZh, String parent) {}
