package dev.gongkai.reports.bench;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.AGENCY_MEMBERSHIP;
import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sustained PATCH of a few cells (answered with all findings) at a fixed rate over real HTTP with signed bearer
 * tokens verified by the service, then a trivial authenticated endpoint ({@code GET /api/reports}) at the same rate,
 * in the same run. Latency is measured from each request's scheduled start, so a stall counts for every request it
 * delays (no coordinated omission). With {@code -Dbench.citusPort=9700} (a cluster of {@code infra/citus/citus
 * start}) the same runs a second time with the agencies as distributed schemas of the Citus cluster, and the
 * PATCH figures are compared (Citus / PostgreSQL). Not part of the tests:
 * {@code mvn -q -pl services/reports -am -Pbench test-compile exec:java [-Dbench.rate=200 -Dbench.seconds=60
 * -Dbench.warmup=60] [-Dbench.citusPort=9700]}.
 */
public final class PatchBenchmark {

    private static final int AGENCIES = 20;

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 60);
        // The first minute of a fresh JVM is mostly the JIT compiling Spring, jOOQ and Tomcat (a third of all CPU in
        // a profile of the first 30 s): measured after it, the figures are those of a service that has been running.
        int warmup = Integer.getInteger("bench.warmup", 60);
        Integer citusPort = Integer.getInteger("bench.citusPort");
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path publicKey = Files.createTempFile("bench-jwt", ".pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Result plain;
        try (TestDatabase db = TestDatabase.onPlainPostgres()) {
            plain = measure(db, "PostgreSQL", keys, publicKey, rate, seconds, warmup);
        }
        if (citusPort != null) {
            Result citus;
            try (TestDatabase db = TestDatabase.onCitusCluster(citusPort)) {
                citus = measure(
                        db,
                        "Citus (coordinator :" + citusPort + ", two workers)",
                        keys,
                        publicKey,
                        rate,
                        seconds,
                        warmup);
            }
            System.out.printf(
                    "Citus / PostgreSQL, PATCH at %d requests/s, same run: p50 %.2f×, p99 %.2f×"
                            + " (errors %d / %d)%n",
                    rate, citus.p(50) / plain.p(50), citus.p(99) / plain.p(99), citus.errors(), plain.errors());
        }
    }

    /** Prints the PATCH and trivial figures on this database; returns the PATCH figures. */
    private static Result measure(
            TestDatabase db, String where, KeyPair keys, Path publicKey, int rate, int seconds, int warmup)
            throws Exception {
        List<AgencySlug> agencies = new ArrayList<>();
        db.dsl()
                .insertInto(JURISDICTION)
                .set(JURISDICTION.SLUG, "bench-city")
                .set(JURISDICTION.NAME_ZH, "压测市")
                .onConflictDoNothing()
                .execute();
        for (int i = 0; i < AGENCIES; i++) {
            AgencySlug slug = AgencySlug.of("bench-" + i);
            db.dsl()
                    .insertInto(AGENCY)
                    .set(AGENCY.SLUG, slug.value())
                    .set(AGENCY.NAME_ZH, "压测局" + i)
                    .set(AGENCY.KIND, AgencyKind.DEPARTMENT)
                    .set(AGENCY.JURISDICTION_SLUG, "bench-city")
                    .execute();
            // The editor the token below stands for, with their role in this agency (the registry holds roles).
            db.dsl()
                    .insertInto(AGENCY_MEMBERSHIP)
                    .set(AGENCY_MEMBERSHIP.USER_ID, "bench-" + slug)
                    .set(AGENCY_MEMBERSHIP.USERNAME, "editor-" + slug)
                    .set(AGENCY_MEMBERSHIP.AGENCY_SLUG, slug.value())
                    .set(AGENCY_MEMBERSHIP.ROLE, "agency-editor")
                    .execute();
            db.migrator().createAgencySchema(slug);
            db.migrator().migrateAgency(slug);
            agencies.add(slug);
        }

        SpringApplication app = new SpringApplication(ReportsApplication.class);
        // Command-line arguments outrank application.yaml: a free port, this database, our own token issuer.
        // -Dbench.asyncCommit=true: a diagnostic only (how much of the tail is the WAL flush of each commit).
        String initSql = Boolean.getBoolean("bench.asyncCommit") ? "SET synchronous_commit = off" : "SELECT 1";
        try (ConfigurableApplicationContext context = app.run(
                "--server.port=0",
                "--spring.datasource.hikari.connection-init-sql=" + initSql,
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.appUser(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKey.toUri(),
                "--logging.level.root=warn")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> tokens = new ArrayList<>();
            for (AgencySlug slug : agencies) {
                tokens.add(token((RSAPrivateKey) keys.getPrivate(), slug));
            }
            String[] etags = new String[AGENCIES];
            for (int i = 0; i < AGENCIES; i++) {
                send(
                        http,
                        HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                                .header("Authorization", tokens.get(i))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"year\":2024}"))
                                .build());
                var filled = send(
                        http,
                        HttpRequest.newBuilder(URI.create(base + "/api/reports/2024"))
                                .header("Authorization", tokens.get(i))
                                .header("If-Match", "\"r1\"")
                                .header("Content-Type", "application/json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(Reports.completePatch(2024, 0)))
                                .build());
                etags[i] = filled.headers().firstValue("ETag").orElseThrow();
            }
            AtomicInteger counter = new AtomicInteger();
            IntFunction<HttpRequest> patch = agency -> HttpRequest.newBuilder(URI.create(base + "/api/reports/2024"))
                    .header("Authorization", tokens.get(agency))
                    .header("If-Match", etags[agency])
                    .header("Content-Type", "application/json")
                    .method(
                            "PATCH",
                            HttpRequest.BodyPublishers.ofString(Reports.patch(Map.of(
                                    "s2.licensing.decisions", counter.incrementAndGet() % 97,
                                    "s2.penalties.decisions", counter.get() % 89,
                                    "s2.coercion.decisions", counter.get() % 83))))
                    .build();
            IntFunction<HttpRequest> trivial = agency -> HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                    .header("Authorization", tokens.get(agency))
                    .GET()
                    .build();

            System.out.printf(
                    "reports service on %s, %d agencies, %d requests/s, %d s each after %d s of warm-up,"
                            + " client and server in one JVM on %d cores (load average %.1f)%s%n",
                    where,
                    AGENCIES,
                    rate,
                    seconds,
                    warmup,
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(),
                    Boolean.getBoolean("bench.asyncCommit") ? ", synchronous_commit off" : "");
            run(http, patch, etags, rate, warmup);
            Result patches = run(http, patch, etags, rate, seconds);
            run(http, trivial, null, rate, Math.min(10, warmup));
            Result trivials = run(http, trivial, null, rate, seconds);
            patches.print("PATCH 3 cells + findings");
            trivials.print("GET /api/reports (trivial)");
            System.out.printf(
                    "ratio PATCH/trivial: p50 %.1f×, p99 %.1f×%n",
                    patches.p(50) / trivials.p(50), patches.p(99) / trivials.p(99));
            return patches;
        }
    }

    private record Result(long[] micros, int errors, int sent, double cpuMillisPerRequest, long jitMillis) {
        double p(double percentile) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * micros.length) - 1;
            return micros[Math.max(0, Math.min(index, micros.length - 1))] / 1000.0;
        }

        void print(String name) {
            System.out.printf(
                    "%-28s n=%d errors=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms"
                            + "  (JVM CPU %.2f ms/request, client included; JIT compiling %d ms)%n",
                    name, sent, errors, p(50), p(90), p(99), p(100), cpuMillisPerRequest, jitMillis);
        }
    }

    /**
     * Each agency is its own sequential client (a PATCH needs the ETag of the one before); the agencies' schedules
     * are staggered so that together they send {@code rate} requests per second.
     */
    private static Result run(HttpClient http, IntFunction<HttpRequest> request, String[] etags, int rate, int seconds)
            throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitBefore = jit.getTotalCompilationTime();
        long periodNanos = 1_000_000_000L * AGENCIES / rate;
        long start = System.nanoTime() + 100_000_000L;
        long end = start + seconds * 1_000_000_000L;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int a = 0; a < AGENCIES; a++) {
            int agency = a;
            clients.add(Thread.ofVirtual().start(() -> {
                for (long due = start + agency * periodNanos / AGENCIES; due < end; due += periodNanos) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    try {
                        HttpResponse<String> response =
                                http.send(request.apply(agency), HttpResponse.BodyHandlers.ofString());
                        latencies.add((System.nanoTime() - due) / 1000);
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (etags != null) {
                            etags[agency] =
                                    response.headers().firstValue("ETag").orElse(etags[agency]);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e6 / Math.max(1, sorted.length);
        return new Result(sorted, errors.get(), sorted.length, cpu, jit.getTotalCompilationTime() - jitBefore);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String token(RSAPrivateKey key, AgencySlug agency) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("bench-" + agency)
                .audience("gongkai-services")
                .claim("preferred_username", "editor-" + agency)
                .issueTime(new Date())
                .expirationTime(Date.from(new Date().toInstant().plus(Duration.ofHours(2))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return "Bearer " + jwt.serialize();
    }
}
