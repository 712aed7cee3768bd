import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.TableColumn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos run of infra/cluster/chaos (see there): drives report lifecycles through the cluster's nginx while
 * killing (SIGKILL) and restarting random service instances, then checks what the portal and the database hold.
 * Run with report-cli.jar on the class path (the report model, for a complete report, and Jackson).
 */
public class Chaos {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static final String KEYCLOAK = env("GONGKAI_KEYCLOAK_URL", "http://127.0.0.1:8180");
    static final String REPORTS = env("CHAOS_REPORTS_URL", "http://127.0.0.1:8082");
    static final String PUBLISHING = env("CHAOS_PUBLISHING_URL", "http://127.0.0.1:8083");
    static final String JURISDICTION = env("CHAOS_JURISDICTION", "wuhai");
    static final String OFFICE_USER = env("CHAOS_OFFICE", "office");
    static final String PASSWORD = env("CHAOS_PASSWORD", "demo");
    static final int CORRECTIONS = Integer.parseInt(env("CHAOS_CORRECTIONS", "1"));
    static final int CONCURRENCY = Integer.parseInt(env("CHAOS_CONCURRENCY", "4"));
    static final Duration KILL_EVERY = Duration.ofSeconds(Long.parseLong(env("CHAOS_KILL_EVERY", "20")));
    /** A run that killed fewer instances than this proved nothing about kills and fails (the suite's short run: 1). */
    static final int MIN_KILLS = Integer.parseInt(env("CHAOS_MIN_KILLS", "0"));
    static final double READ_RATE = Double.parseDouble(env("CHAOS_READ_RATE", "5"));
    static final Duration IN_FLIGHT = Duration.ofSeconds(Long.parseLong(env("CHAOS_IN_FLIGHT_SECONDS", "3")));
    static final Path STATE = Path.of(env("CHAOS_STATE", ".dev/cluster/instances"));
    static final String DB = env("CLUSTER_DB", "gongkai_cluster");

    /** One agency and the users who act for it (agency-editor, agency-approver). */
    record Agency(String slug, String editor, String approver) {
    }

    /** One timed request: when it started, how long it took, its status (0: no answer). */
    record Call(Instant at, long nanos, int status, String what) {
    }

    static final List<Call> calls = new CopyOnWriteArrayList<>();
    static final List<Instant> kills = new CopyOnWriteArrayList<>();
    static final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    static final AtomicBoolean running = new AtomicBoolean(true);

    public static void main(String[] args) throws Exception {
        List<Agency> agencies = new ArrayList<>();
        for (String spec : env("CHAOS_AGENCIES", "wuhai-psb:psb-editor:psb-approver").split("[ ,]+")) {
            String[] p = spec.split(":");
            agencies.add(new Agency(p[0], p[1], p[2]));
        }
        String[] range = env("CHAOS_YEARS", "2021-" + java.time.Year.now().getValue()).split("-");
        List<int[]> lifecycles = new ArrayList<>();
        for (int a = 0; a < agencies.size(); a++) {
            for (int y = Integer.parseInt(range[0]); y <= Integer.parseInt(range[range.length - 1]); y++) {
                lifecycles.add(new int[] {a, y});
            }
        }
        Collections.shuffle(lifecycles, new Random(42));
        System.out.printf("chaos: %d lifecycles (%d agencies), %d correction(s) each, %d at a time, a kill every %ds, "
                        + "%.1f portal reads/s%n", lifecycles.size(), agencies.size(), CORRECTIONS, CONCURRENCY,
                KILL_EVERY.toSeconds(), READ_RATE);

        Thread killer = Thread.ofPlatform().name("killer").start(Chaos::killLoop);
        Thread reader = Thread.ofPlatform().name("reader").start(() -> readLoop(agencies));
        Instant started = Instant.now();
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<String>> results = new ArrayList<>();
        for (int[] l : lifecycles) {
            Agency agency = agencies.get(l[0]);
            int year = l[1];
            results.add(workers.submit(() -> lifecycle(agency, year)));
        }
        int completed = 0;
        List<String> failures = new ArrayList<>();
        for (Future<String> r : results) {
            String outcome;
            try {
                outcome = r.get();
            } catch (Exception e) {
                outcome = "failed: " + e.getCause();
            }
            if (outcome == null) {
                completed++;
            } else {
                failures.add(outcome);
            }
        }
        workers.shutdown();
        Instant finished = Instant.now();
        running.set(false);
        killer.join();
        reader.join();

        System.out.println("chaos: waiting for the last events to be applied");
        settle(agencies, lifecycles);
        Check check = check(agencies, lifecycles);
        report(lifecycles.size(), completed, failures, check, Duration.between(started, finished));
        System.exit(failures.isEmpty() && check.ok() ? 0 : 1);
    }

    // --- the workload -------------------------------------------------------------------------------------------

    /** One agency's year: draft, submit, approve, publish, then CORRECTIONS times correct and publish again. */
    static String lifecycle(Agency agency, int year) {
        try {
            String created = "{\"year\":" + year + "}";
            Answer answer = send(agency.editor(), "POST", REPORTS + "/api/reports", created, Map.of(), "create");
            int first = 0;
            if (answer.status() == 409) {
                // A year published by an earlier run: it is corrected CORRECTIONS times more.
                first = published(agency, year);
                if (first == 0) {
                    return agency.slug() + " " + year + ": the report exists but was never published (up --fresh)";
                }
                String office = REPORTS + "/api/office/reports/" + agency.slug() + "/" + year + "/transitions";
                expect(transition(OFFICE_USER, office, "correct", "第" + first + "次更正：数字核对", null), 200, "correct");
            } else {
                expect(answer, 201, "create");
            }
            before.put(agency.slug() + "/" + year, first);
            for (int round = first; round <= first + CORRECTIONS - (first == 0 ? 0 : 1); round++) {
                int revision = currentRevision(agency, year);
                expect(send(agency.editor(), "PATCH", REPORTS + "/api/reports/" + year, completePatch(year, round),
                        Map.of("If-Match", "\"r" + revision + "\""), "edit"), 200, "edit");
                Answer submitted = transition(agency.approver(), REPORTS + "/api/reports/" + year + "/transitions",
                        "submit", null, null);
                if (submitted.status() == 422 && submitted.body().has("unexplained_warnings")) {
                    Map<String, String> explanations = new LinkedHashMap<>();
                    submitted.body().get("unexplained_warnings").forEach(w ->
                            explanations.put(w.asString(), "已核实，数字无误，原因已说明"));
                    submitted = transition(agency.approver(), REPORTS + "/api/reports/" + year + "/transitions",
                            "submit", null, explanations);
                }
                expect(submitted, 200, "submit");
                String office = REPORTS + "/api/office/reports/" + agency.slug() + "/" + year + "/transitions";
                expect(transition(OFFICE_USER, office, "approve", null, null), 200, "approve");
                expect(transition(OFFICE_USER, office, "publish", null, null), 200, "publish");
                acknowledged.merge(agency.slug() + "/" + year, 1, Integer::sum);
                if (round < first + CORRECTIONS - (first == 0 ? 0 : 1)) {
                    expect(transition(OFFICE_USER, office, "correct", "第" + (round + 1) + "次更正：数字核对", null),
                            200, "correct");
                }
            }
            return null;
        } catch (RuntimeException e) {
            return agency.slug() + " " + year + ": " + e.getMessage();
        }
    }

    /** How many publications the year had before this run (what the reports service counted). */
    static final Map<String, Integer> before = new ConcurrentHashMap<>();
    /** Publications the reports service acknowledged (200) in this run: each must reach the portal exactly once. */
    static final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();

    static int published(Agency agency, int year) {
        String count = psql("select publications from \"agency_" + agency.slug().replace('-', '_')
                + "\".report where year = " + year);
        return count.isBlank() ? 0 : Integer.parseInt(count);
    }

    static int currentRevision(Agency agency, int year) {
        Answer answer = send(agency.editor(), "GET", REPORTS + "/api/reports/" + year, null, Map.of(), "read");
        expect(answer, 200, "read");
        return answer.body().get("revision").asInt();
    }

    /** A transition with an Idempotency-Key, so a retry after a lost answer never applies it twice. */
    static Answer transition(String user, String url, String action, String reason, Map<String, String> explanations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (explanations != null) {
            body.put("explanations", explanations);
        }
        return send(user, "POST", url, JSON.writeValueAsString(body),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), action);
    }

    /** Every cell filled so that the arithmetic holds (as the services' tests build a complete report). */
    static String completePatch(int year, int round) {
        ReportLayout layout = ReportFormat.V2021.layout();
        Map<String, Object> cells = new LinkedHashMap<>();
        for (CellDefinition cell : layout.cells()) {
            cells.put(cell.key(), cell.key().equals("s2.fees.amount") ? "0" : 0);
        }
        for (TableColumn column : ReportLayout.APPLICANT_COLUMNS) {
            int per = (column.key().equals("total") ? 6 : 1) * (round + 1);
            cells.put("s3.received." + column.key(), per);
            cells.put("s3.carriedOver." + column.key(), 0);
            cells.put("s3.granted." + column.key(), per);
            cells.put("s3.handledTotal." + column.key(), per);
        }
        Map<String, String> narrative = Map.of(
                "s1", year + "年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理依申请公开。",
                "s5", year + "年存在的主要问题是公开内容不够全面，改进措施是加强培训、完善制度、提高质量（第" + (round + 1) + "稿）。",
                "s6", "无。");
        return JSON.writeValueAsString(Map.of("cells", cells, "narrative", narrative));
    }

    /** Portal reads at a fixed rate while the lifecycles run: the jurisdiction's page and published documents. */
    static void readLoop(List<Agency> agencies) {
        long periodNanos = (long) (1_000_000_000L / Math.max(READ_RATE, 0.1));
        long next = System.nanoTime();
        Random random = new Random(7);
        while (running.get()) {
            Agency agency = agencies.get(random.nextInt(agencies.size()));
            int year = 2019 + random.nextInt(Math.max(1, java.time.Year.now().getValue() - 2018));
            String url = random.nextBoolean() ? PUBLISHING + "/public/" + JURISDICTION
                    : PUBLISHING + "/public/" + JURISDICTION + "/" + agency.slug() + "/" + year;
            send(null, "GET", url, null, Map.of(), "portal");
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(Duration.ofNanos(wait));
            }
        }
    }

    // --- HTTP -----------------------------------------------------------------------------------------------------

    record Answer(int status, JsonNode body, String text) {
    }

    static void expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": "
                    + answer.text().substring(0, Math.min(300, answer.text().length())));
        }
    }

    /**
     * Sends a request; a gateway error or no answer at all (an instance killed under it) is retried on another
     * instance after a second, up to 30 times. Transitions carry an Idempotency-Key, so a retry is safe; a create
     * or edit retried after it took effect answers 409/412, which the caller sees.
     */
    static Answer send(String user, String method, String url, String body, Map<String, String> headers, String what) {
        String idempotent = headers.get("Idempotency-Key");
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            if (user != null) {
                request.header("Authorization", "Bearer " + token(user));
            }
            Instant at = Instant.now();
            long start = System.nanoTime();
            int status;
            String text;
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                text = response.body();
            } catch (IOException e) {
                status = 0;
                text = e.toString();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            calls.add(new Call(at, System.nanoTime() - start, status, what));
            boolean lost = status == 0 || status == 502 || status == 503 || status == 504;
            if (lost && attempt < 30 && (idempotent != null || !method.equals("POST") || what.equals("create"))) {
                sleep(Duration.ofSeconds(1));
                continue;
            }
            if (what.equals("create") && status == 409 && attempt > 0) {
                status = 201; // the lost answer's create had taken effect
            }
            if (what.equals("edit") && (status == 412 || status == 409) && attempt > 0) {
                status = 200; // the lost answer's edit had taken effect (the revision moved on)
            }
            JsonNode json;
            try {
                json = text == null || text.isBlank() || !text.strip().startsWith("{") ? JSON.createObjectNode()
                        : JSON.readTree(text);
            } catch (RuntimeException e) {
                json = JSON.createObjectNode();
            }
            return new Answer(status, json, text == null ? "" : text);
        }
    }

    /**
     * The office's account needs its second factor (the realm requires TOTP of office-admin): the one-time code of
     * the demo's secret, as {@code infra/keycloak/kc otp} computes it.
     */
    static HttpResponse<String> tokenRequest(String form, String user) throws IOException, InterruptedException {
        String body = form;
        if (user.equals(OFFICE_USER)) {
            Process otp = new ProcessBuilder("infra/keycloak/kc", "otp").redirectErrorStream(true).start();
            body += "&totp=" + new String(otp.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            otp.waitFor();
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/gongkai/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One sign-in at a time: two password grants of one user at the same moment can lock the account for a minute
     * (Keycloak's brute-force detector reports {@code user_temporarily_disabled} with no failure counted; seen here,
     * and keycloak/keycloak#36495), and the token is kept until shortly before it expires anyway.
     */
    static synchronized String token(String user) {
        String[] cached = tokens.get(user);
        if (cached != null && Long.parseLong(cached[1]) > System.currentTimeMillis()) {
            return cached[0];
        }
        String form = "grant_type=password&client_id=gongkai-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        try {
            JsonNode json = JSON.readTree(tokenRequest(form, user).body());
            if (!json.has("access_token") && user.equals(OFFICE_USER)) {
                // The realm accepts each one-time code once: wait for the next 30-second step and try again.
                Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 500);
                json = JSON.readTree(tokenRequest(form, user).body());
            }
            if (!json.has("access_token")) {
                throw new IllegalStateException("no token for " + user + ": " + json);
            }
            long lifetime = json.get("expires_in").asLong();
            String token = json.get("access_token").asString();
            tokens.put(user, new String[] {token, Long.toString(System.currentTimeMillis() + (lifetime - 30) * 1000)});
            return token;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak: " + e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- chaos ------------------------------------------------------------------------------------------------

    /** Every KILL_EVERY: SIGKILL one random instance, start it again at once, wait until it is healthy. */
    static void killLoop() {
        Random random = new Random();
        while (running.get()) {
            sleep(KILL_EVERY);
            if (!running.get()) {
                return;
            }
            try {
                List<String> lines = Files.readAllLines(STATE);
                int victim = random.nextInt(lines.size());
                String service = lines.get(victim).split(" ")[0].replaceAll("-[a-z]$", "");
                boolean othersUp = lines.stream().filter(l -> l.startsWith(service + "-") && l != lines.get(victim))
                        .allMatch(l -> healthy(l.split(" ")[1]));
                if (!othersUp) {
                    continue; // never the last live instance of a service: that is an outage, not a rollout
                }
                String[] f = lines.get(victim).split(" ", 5);
                String id = f[0];
                String port = f[1];
                String pid = f[2];
                String log = f[3];
                String command = f[4];
                System.out.printf("chaos: kill -9 %s (pid %s)%n", id, pid);
                kills.add(Instant.now());
                new ProcessBuilder("kill", "-9", pid).inheritIO().start().waitFor();
                Process restarted = new ProcessBuilder("setsid", "bash", "-c", "exec " + command + " >>" + log
                        + " 2>&1 </dev/null & echo $!").start();
                String newPid = new String(restarted.getInputStream().readAllBytes()).strip();
                restarted.waitFor();
                lines.set(victim, id + " " + port + " " + newPid + " " + log + " " + command);
                Files.write(STATE, lines);
                System.out.printf("chaos: %s restarting (pid %s)%n", id, newPid);
            } catch (IOException | InterruptedException e) {
                System.out.println("chaos: the killer failed: " + e);
                return;
            }
        }
    }

    static boolean healthy(String port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    // --- checks -----------------------------------------------------------------------------------------------

    record Check(int expected, int recorded, int lost, int duplicates, int outOfOrder, int portalMissing,
                 int auditBroken, List<String> problems) {
        boolean ok() {
            return lost == 0 && duplicates == 0 && outOfOrder == 0 && portalMissing == 0 && auditBroken == 0;
        }
    }

    static String psql(String sql) {
        try {
            Process p = new ProcessBuilder("psql", "-X", "-q", "-tA", "-h", env("GONGKAI_PG_HOST", "127.0.0.1"),
                    "-p", env("GONGKAI_PG_PORT", "5432"), "-U", env("GONGKAI_PG_USER", "postgres"), "-d", DB, "-c", sql)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until nothing waits in the outbox and every expected publication is recorded (at most two minutes). */
    static void settle(List<Agency> agencies, List<int[]> lifecycles) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String unsent = psql("select count(*) from core.outbox where published_at is null");
            String published = psql("select count(*) from core.publication where jurisdiction_slug = '"
                    + JURISDICTION + "'");
            if ("0".equals(unsent) && Integer.parseInt(published.isEmpty() ? "0" : published)
                    >= expectedTotal()) {
                return;
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    static int expectedTotal() {
        return before.values().stream().mapToInt(Integer::intValue).sum()
                + acknowledged.values().stream().mapToInt(Integer::intValue).sum();
    }

    static Check check(List<Agency> agencies, List<int[]> lifecycles) {
        int expected = 0;
        int recorded = 0;
        int lost = 0;
        int duplicates = 0;
        int outOfOrder = 0;
        int portalMissing = 0;
        int auditBroken = 0;
        List<String> problems = new ArrayList<>();
        for (Agency agency : agencies) {
            String schema = "agency_" + agency.slug().replace('-', '_');
            for (int[] l : lifecycles) {
                if (!agencies.get(l[0]).equals(agency)) {
                    continue;
                }
                int year = l[1];
                String key = agency.slug() + "/" + year;
                int want = before.getOrDefault(key, published(agency, year)) + acknowledged.getOrDefault(key, 0);
                expected += want;
                List<String> revisions = List.of(psql("select number || ':' || correction from \"" + schema
                        + "\".published_revision where year = " + year + " order by number").split("\n"))
                        .stream().filter(s -> !s.isBlank()).toList();
                int publications = Integer.parseInt(psql("select count(*) from core.publication where agency_slug = '"
                        + agency.slug() + "' and year = " + year));
                recorded += revisions.size();
                lost += Math.max(0, want - revisions.size());
                duplicates += Math.max(0, revisions.size() - want) + Math.max(0, publications - revisions.size());
                for (int n = 1; n <= revisions.size(); n++) {
                    String expectedRow = n + ":" + (n == 1 ? "false" : "true");
                    if (!revisions.get(n - 1).equals(expectedRow)) {
                        outOfOrder++;
                        problems.add(agency.slug() + " " + year + ": revision " + n + " is " + revisions.get(n - 1));
                    }
                }
                String current = psql("select published_revision from core.report_state where agency_slug = '"
                        + agency.slug() + "' and year = " + year);
                if (!String.valueOf(want).equals(current)) {
                    outOfOrder++;
                    problems.add(agency.slug() + " " + year + ": the current revision is " + current + ", not " + want);
                }
                for (int n = 1; n <= want + 1; n++) {
                    String url = PUBLISHING + "/public/" + JURISDICTION + "/" + agency.slug() + "/" + year
                            + "/revisions/" + n;
                    int status = send(null, "GET", url, null, Map.of(), "check").status();
                    if (status != (n <= want ? 200 : 404)) {
                        portalMissing++;
                        problems.add(url + " answered " + status);
                    }
                }
                Answer page = send(null, "GET", PUBLISHING + "/public/" + JURISDICTION + "/" + agency.slug() + "/"
                        + year, null, Map.of(), "check");
                if (page.status() != 200 || !page.text().contains("第" + want + "版")) {
                    portalMissing++;
                    problems.add(agency.slug() + " " + year + ": the portal page does not show revision " + want
                            + " (" + page.status() + ")");
                }
            }
            Answer audit = send(agency.editor(), "GET", REPORTS + "/api/reports/" + lifecycles.getFirst()[1]
                    + "/audit/verify", null, Map.of(), "check");
            if (audit.status() != 200 || !audit.body().path("intact").asBoolean(false)) {
                auditBroken++;
                problems.add(agency.slug() + ": the audit chain does not verify: " + audit.text());
            }
        }
        return new Check(expected, recorded, lost, duplicates, outOfOrder, portalMissing, auditBroken, problems);
    }

    static void report(int lifecycles, int completed, List<String> failures, Check check, Duration took) {
        List<Call> work = calls.stream().filter(c -> !c.what().equals("check")).toList();
        long[] nanos = work.stream().filter(c -> c.status() != 0).mapToLong(Call::nanos).sorted().toArray();
        int errors = 0;
        int attributed = 0;
        for (Call c : work) {
            if (c.status() == 0 || c.status() >= 500) {
                errors++;
                Instant end = c.at().plusNanos(c.nanos());
                boolean inFlight = kills.stream().anyMatch(k -> !c.at().isAfter(k.plus(IN_FLIGHT))
                        && !end.isBefore(k));
                attributed += inFlight ? 1 : 0;
            }
        }
        System.out.println();
        System.out.println("=== chaos run ===");
        System.out.printf("lifecycles completed     %d of %d (%d correction(s) each) in %ds%n", completed, lifecycles,
                CORRECTIONS, took.toSeconds());
        System.out.printf("instances killed         %d (kill -9, restarted at once)%n", kills.size());
        System.out.printf("publications expected    %d, recorded %d%n", check.expected(), check.recorded());
        System.out.printf("events lost              %d%n", check.lost());
        System.out.printf("duplicates               %d%n", check.duplicates());
        System.out.printf("out of order             %d%n", check.outOfOrder());
        System.out.printf("portal misses            %d%n", check.portalMissing());
        System.out.printf("audit chains broken      %d%n", check.auditBroken());
        System.out.printf("requests                 %d (%.1f/s), 5xx or no answer %d, of which during a kill %d%n",
                work.size(), work.size() / Math.max(1.0, took.toSeconds()), errors, attributed);
        if (nanos.length > 0) {
            System.out.printf("latency ms               p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6,
                    nanos[Math.min(nanos.length - 1, (int) (nanos.length * 0.99))] / 1e6, nanos[nanos.length - 1] / 1e6);
        }
        if (kills.size() < MIN_KILLS) {
            failures.add("killed " + kills.size() + " instance(s), fewer than CHAOS_MIN_KILLS=" + MIN_KILLS
                    + ": the lifecycles ended before the kills could test them");
        }
        failures.forEach(f -> System.out.println("FAILED " + f));
        check.problems().forEach(p -> System.out.println("PROBLEM " + p));
        System.out.println(failures.isEmpty() && check.ok() && errors == attributed ? "CHAOS OK" : "CHAOS FAILED");
    }
}
