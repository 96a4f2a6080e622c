package io.adpulse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack as the launcher starts it, but on free ports so that it can run beside another stack on the
 * documented ones: the launcher's executable jar is started as a process with {@code ADPULSE_PORTS=random} (the same
 * stack start and sandbox connection as {@code ./run-local}), and its {@code ADPULSE-STACK ...} line names the ports.
 * Kafka, PostgreSQL and the sandbox run inside or below that process, every service as a child JVM. The clock runs
 * from starting the process until it logs {@code Adpulse stack ready in N s}.
 */
final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    static final Pattern READY = Pattern.compile("Adpulse stack ready in (\\d+) s");
    static final Pattern POLL_INTERVAL = Pattern.compile("--adpulse\\.ingest\\.poll-interval=(\\S+)");
    static final Pattern PORTS = Pattern.compile(
            "ADPULSE-STACK gateway=(\\d+) reporting=(\\d+) ingest=(\\d+) sandbox=(\\d+) postgres=(\\d+)");

    private final Process process;
    private final String password;
    private final long readyNanos;
    private final int reportedSeconds;
    private final int[] ports;

    private LocalStack(Process process, String password, long readyNanos, int reportedSeconds, int[] ports) {
        this.process = process;
        this.password = password;
        this.readyNanos = readyNanos;
        this.reportedSeconds = reportedSeconds;
        this.ports = ports;
    }

    /** Starts the stack and returns once it is ready and the sandbox's advertisers are connected. */
    static LocalStack start(Path servicesDir, Path home, Duration timeout) throws Exception {
        Path launcher = servicesDir.resolve("launcher.jar");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("missing " + launcher + ": build with ./mvnw -q -pl bench -am package -DskipTests");
        }
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        List<String> command = new ArrayList<>(List.of(ServiceJvm.javaExecutable()));
        command.addAll(ServiceJvm.LAUNCHER_JVM_FLAGS);
        command.addAll(List.of("-Dadpulse.services.dir=" + servicesDir.toAbsolutePath(), "-jar",
                launcher.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ADPULSE_ADMIN_PASSWORD", password);
        builder.environment().put("ADPULSE_PORTS", "random");
        // The gateway measures compare a form-login session and HTTP Basic of the local administrator; the local
        // stack otherwise signs everyone in through the identity provider (password and TOTP).
        builder.environment().put("ADPULSE_LOCAL_USERS_ENABLED", "true");
        builder.environment().put("ADPULSE_HOME", home.toAbsolutePath().toString());
        // The gateway measure loads from one address as one user; the services inherit this environment.
        builder.environment().put("ADPULSE_GATEWAY_LIMITS_PERIPPERSECOND", "1000000");
        builder.environment().put("ADPULSE_GATEWAY_LIMITS_PERUSERPERSECOND", "1000000");
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] ready = {-1};
        int[] reported = {-1};
        int[] ports = new int[5];
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready[0] = System.nanoTime() - start;
                        reported[0] = Integer.parseInt(m.group(1));
                    }
                    Matcher p = PORTS.matcher(line);
                    if (p.find()) {
                        for (int i = 0; i < ports.length; i++) {
                            ports[i] = Integer.parseInt(p.group(i + 1));
                        }
                        running.countDown();
                    }
                }
            } catch (IOException closed) {
                // the launcher's output closes when the stack is stopped
            } finally {
                running.countDown();
            }
        }, "bench-launcher-output");
        reader.setDaemon(true);
        reader.start();
        if (!running.await(timeout.toSeconds(), TimeUnit.SECONDS) || ready[0] < 0 || ports[0] == 0) {
            new LocalStack(process, password, -1, -1, ports).close();
            throw new IllegalStateException("the stack did not come up in " + timeout + "; launcher output:\n"
                    + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
        }
        log.info("stack ready in {} ms (launcher says {} s)", ready[0] / 1_000_000, reported[0]);
        return new LocalStack(process, password, ready[0], reported[0], ports);
    }

    String gatewayUrl() {
        return "http://localhost:" + ports[0];
    }

    String reportingUrl() {
        return "http://localhost:" + ports[1];
    }

    String ingestUrl() {
        return "http://localhost:" + ports[2];
    }

    String sandboxUrl() {
        return "http://localhost:" + ports[3];
    }

    long readyNanos() {
        return readyNanos;
    }

    int reportedSeconds() {
        return reportedSeconds;
    }

    String password() {
        return password;
    }

    /**
     * RSS and PSS of the launcher JVM (broker and sandbox), of every service JVM, and of the stack's PostgreSQL (whose
     * server detaches from the launcher, so it is found by its port).
     */
    Map<String, ProcessTree.Resident> residentByComponent() {
        Map<String, ProcessTree.Resident> rss = ProcessTree.residentByComponent(process.toHandle(),
                "launcher (Kafka broker + TikTok sandbox)");
        String portArgument = " -p " + ports[4] + " ";
        ProcessHandle.allProcesses()
                .filter(p -> (ProcessTree.commandLine(p.pid()) + " ").contains(portArgument)
                        && ProcessTree.component(ProcessTree.commandLine(p.pid())).equals("postgresql"))
                .findFirst()
                .ifPresent(postgres -> ProcessTree.residentByComponent(postgres, "postgresql")
                        .forEach((name, resident) -> rss.merge(name, resident, ProcessTree.Resident::plus)));
        return rss;
    }

    /**
     * ingest-service's poll interval on this stack, from its command line ({@code --adpulse.ingest.poll-interval=},
     * which the launcher passes), so the freshness measure's reference is what the stack really uses.
     */
    Duration ingestPollInterval() {
        return process.toHandle().descendants().map(p -> ProcessTree.commandLine(p.pid()))
                .filter(line -> line.contains("ingest-service.jar")).map(POLL_INTERVAL::matcher).filter(Matcher::find)
                .map(m -> duration(m.group(1))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ingest-service JVM with --adpulse.ingest.poll-interval "
                        + "under the launcher"));
    }

    /** A duration as Spring Boot reads one: ISO-8601 ({@code PT30S}) or a number with a unit ({@code 30s}, {@code 500ms}). */
    static Duration duration(String text) {
        Matcher simple = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
        if (!simple.matches()) {
            return Duration.parse(text);
        }
        long n = Long.parseLong(simple.group(1));
        return switch (simple.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** Stops the launcher gracefully (its shutdown hook stops the services, the database and the broker). */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.toHandle().descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
