package dev.gongkai.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real back end for the browser test, started once per JVM: the tenants, reports and publishing services in
 * process (see {@link ServiceApps}) on a database of their own on the PostgreSQL at 127.0.0.1:5432, Redis at
 * 127.0.0.1:6379, and the Keycloak at 127.0.0.1:8180 with the realm {@code gongkai}. The demo city is provisioned
 * through the tenants service's own {@code DemoCity}, so agencies match the realm's organizations and demo users.
 * Missing infrastructure fails the test with what to start, never skips it.
 */
public final class ServiceStack {

    public static final String KEYCLOAK = System.getenv().getOrDefault("GONGKAI_KEYCLOAK_URL", "http://127.0.0.1:8180");
    static final String PG = "127.0.0.1:5432";

    private static ServiceStack started;

    public final String database;
    final int tenantsPort;
    public final int reportsPort;
    public final int publishingPort;
    private final List<ServiceApps.Running> running = new ArrayList<>();

    private ServiceStack() throws IOException {
        database = "gongkai_console_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        tenantsPort = freePort();
        reportsPort = freePort();
        publishingPort = freePort();
    }

    static synchronized ServiceStack get() throws Exception {
        if (started == null) {
            requireInfrastructure();
            ServiceStack stack = new ServiceStack();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "stop-service-stack"));
            stack.start();
            started = stack;
        }
        return started;
    }

    /** A running service by name (tenants, reports, publishing), to call one of its beans from a test. */
    ServiceApps.Running app(String name) {
        return running.stream()
                .filter(app -> app.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    public String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Databases of earlier runs that ended before their shutdown hook could drop them: those nobody is connected
     * to (a run that is still alive, e.g. one that is about to find port 8080 taken, keeps its pools open).
     */
    private static void dropLeftovers() {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "")) {
            var names = admin.createStatement()
                    .executeQuery(
                            "select datname from pg_database d where datname like 'gongkai\\_console\\_%' and not exists"
                                    + " (select 1 from pg_stat_activity a where a.datname = d.datname)");
            List<String> leftovers = new ArrayList<>();
            while (names.next()) {
                leftovers.add(names.getString(1));
            }
            for (String name : leftovers) {
                admin.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        } catch (Exception e) {
            System.err.println("[stack] could not drop leftover databases: " + e.getMessage());
        }
    }

    private void start() throws Exception {
        dropLeftovers();
        // Each service with the database role of its own application.yaml, as in production: tenants the owner
        // (postgres here), reports and publishing the DML-only login role that tenants makes at start-up.
        List<String> common = List.of(
                "--spring.datasource.url=jdbc:postgresql://" + PG + "/" + database,
                "--spring.data.redis.url=redis://127.0.0.1:6379");
        long t0 = System.nanoTime();
        // Tenants first: it creates the database and migrates schema core at start-up.
        ServiceApps.Running tenants =
                ServiceApps.start("tenants", "dev.gongkai.tenants.TenantsApplication", tenantsPort, common);
        running.add(tenants);
        Object demoCity = tenants.bean("demoCity");
        Consumer<Object> progress = report -> System.out.println("[stack] provisioned " + report);
        tenants.invoke(demoCity, "provision", new Class<?>[] {Consumer.class}, progress);
        running.add(ServiceApps.start("reports", "dev.gongkai.reports.ReportsApplication", reportsPort, common));
        List<String> publishing = new ArrayList<>(common);
        // The tests run the reminders themselves, on the days they choose: an hourly run would add its own.
        publishing.add("--gongkai.reminders.scheduled=false");
        // The event stream of this run only: on the shared Redis, another run's publishing (same group, same host
        // name) would otherwise take this run's events and leave its portal and read models behind.
        publishing.add("--gongkai.publishing.events.stream=gongkai:test:" + database + ":events");
        running.add(ServiceApps.start(
                "publishing", "dev.gongkai.publishing.PublishingApplication", publishingPort, publishing));
        System.out.printf(
                "[stack] tenants :%d, reports :%d, publishing :%d on database %s in %d s%n",
                tenantsPort, reportsPort, publishingPort, database, (System.nanoTime() - t0) / 1_000_000_000);
    }

    private void stop() {
        for (ServiceApps.Running app : running.reversed()) {
            try {
                app.context().getClass().getMethod("close").invoke(app.context());
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.err.println("[stack] closing " + app.name() + ": " + e);
            }
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + database + " with (force)");
        } catch (Exception e) {
            System.err.println("[stack] could not drop " + database + ": " + e.getMessage());
        }
    }

    /** A token of a demo user from the realm's CLI client (direct grant), as another program would hold one. */
    public static String token(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=gongkai-cli&username="
                + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/gongkai/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var matcher = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(answer.body());
        if (answer.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("No token for " + user + ": " + answer.statusCode() + " " + answer.body());
        }
        return matcher.group(1);
    }

    private static void requireInfrastructure() {
        if (!reachable("127.0.0.1", 5432)) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + PG
                    + " (trust auth, user postgres): start it, e.g. with infra/dev/up or infra/dev/test");
        }
        if (!reachable("127.0.0.1", 6379)) {
            throw new IllegalStateException("Redis is not reachable at 127.0.0.1:6379: start it (infra/dev/up)");
        }
        String realm = KEYCLOAK + "/realms/gongkai";
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(realm))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak answered " + answer.statusCode() + " for " + realm);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(
                    "Keycloak is not reachable at " + realm + ": start it with infra/keycloak/kc ensure", e);
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
