package dev.gongkai.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.schema.DatabaseRoles;
import dev.gongkai.platform.testing.StoredPasswords;
import dev.gongkai.platform.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar tenants.jar rotate-app-password}: the login role of reports and publishing gets the password the
 * environment now holds (GONGKAI_DB_APP_PASSWORD), and the one it had is refused.
 */
@TenantsWebTest
@ExtendWith(OutputCaptureExtension.class)
class CommandLinePasswordRotationTest {

    @Autowired
    CommandLineMode commands;

    @Autowired
    Environment env;

    @Test
    void givesTheLoginRoleThePasswordOfTheEnvironmentAndRefusesTheOldOne(TestDatabase db, CapturedOutput output)
            throws Exception {
        String login = env.getRequiredProperty("gongkai.database.app-user");
        String configured = env.getRequiredProperty("gongkai.database.app-password");
        String old = "before-rotation-" + UUID.randomUUID();
        try (Connection c = db.connect()) {
            DatabaseRoles.changePassword(c, login, old);
        }

        int status = commands.run("rotate-app-password", List.of());

        assertThat(status).isZero();
        assertThat(output.getOut()).contains("rotate-app-password: database role " + login + " has the new password");
        assertThat(StoredPasswords.accepts(db, login, configured)).isTrue();
        assertThat(StoredPasswords.accepts(db, login, old)).isFalse();
    }
}
