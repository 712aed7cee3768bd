package dev.gongkai.tenants.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new user of an agency. Keycloak stores usernames in lower case, so they are lower-cased here too.
 *
 * @param roles the roles to hold in this agency: agency roles; office roles for a disclosure office only
 */
record CreateUser(
        @NotBlank @Size(min = 2, max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]*")
        String username,

        @Email @Size(max = 200) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @NotEmpty List<@NotBlank String> roles) {}
