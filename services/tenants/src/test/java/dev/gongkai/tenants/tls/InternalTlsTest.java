package dev.gongkai.tenants.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.platform.testing.GongkaiTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * TLS between the services, configured as the Helm chart configures it ({@code internalTls}): the certificate, key
 * and CA of a cert-manager Secret ({@code tls.crt}, {@code tls.key}, {@code ca.crt}) become one SSL bundle
 * {@code internal} that the service's own server presents and that every HTTP client built from Boot's
 * {@code RestClient.Builder} trusts (the console's calls to the services, the services' calls to each other).
 * The certificates are made here with openssl, a CA and a server certificate for {@code localhost}.
 */
@GongkaiTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gongkai.keycloak.enabled=false"})
class InternalTlsTest {

    @TempDir
    static Path certificates;

    @BeforeAll
    static void makeACaAndAServerCertificate() throws Exception {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Gongkai test CA",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt");
        openssl(
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-keyout",
                "tls.key",
                "-out",
                "tls.csr");
        Files.writeString(certificates.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl(
                "x509",
                "-req",
                "-in",
                "tls.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                "san.ext",
                "-out",
                "tls.crt");
    }

    /** The properties the chart sets as environment variables (see helm/gongkai/templates/_helpers.tpl). */
    @DynamicPropertySource
    static void internalTls(DynamicPropertyRegistry properties) {
        properties.add("server.ssl.bundle", () -> "internal");
        properties.add("spring.ssl.bundle.pem.internal.keystore.certificate", () -> file("tls.crt"));
        properties.add("spring.ssl.bundle.pem.internal.keystore.private-key", () -> file("tls.key"));
        properties.add("spring.ssl.bundle.pem.internal.truststore.certificate", () -> file("ca.crt"));
        properties.add("spring.ssl.bundle.pem.internal.reload-on-update", () -> "true");
        properties.add("spring.http.clients.ssl.bundle", () -> "internal");
    }

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder clients;

    @Test
    void theServiceAnswersOverTlsAndItsClientsTrustTheInternalCa() {
        String health = clients.build()
                .get()
                .uri("https://localhost:" + port + "/actuator/health/liveness")
                .retrieve()
                .body(String.class);
        assertThat(health).contains("UP");
    }

    @Test
    void plainHttpAndClientsWithoutTheCaAreRefused() throws Exception {
        HttpClient jdk = HttpClient.newHttpClient();
        // A client that does not know the internal CA cannot complete the handshake.
        assertThatThrownBy(() -> jdk.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/actuator/health/liveness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        // Plain HTTP to the TLS port gets no answer a client could read as the service's.
        HttpResponse<String> plain;
        try {
            plain = jdk.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException refused) {
            return;
        }
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).doesNotContain("UP");
    }

    private static String file(String name) {
        return "file:" + certificates.resolve(name);
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(certificates.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
    }
}
