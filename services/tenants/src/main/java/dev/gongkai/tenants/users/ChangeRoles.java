package dev.gongkai.tenants.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * The roles a member is to hold in one agency from now on, replacing those they hold there (none: remove them
 * instead).
 *
 * @param roles agency roles; office roles for a disclosure office only, as when adding a user
 */
record ChangeRoles(@NotEmpty List<@NotBlank String> roles) {}
