package io.adpulse.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM from its executable jar, its output in its own log file. Ready
 * means its readiness probe answers 200.
 */
final class ServiceProcess {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Service service;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(Service service, int port, Path log, Process process) {
        this.service = service;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(Service service, Path jar, int port, Path logDir, Map<String, String> env,
            List<String> args) throws IOException {
        return start(service, jar, port, logDir, env, args, false);
    }

    /**
     * The services' JVM flags: a small serial heap and the client compiler, which start fastest on two cores. The
     * young generation is fixed at 32 MB: with the default (a third of an initial heap of 1/64 of the machine's
     * memory) each service touched about 115 MB of eden and survivor space for about 30 MB of live data.
     */
    static final List<String> JVM_FLAGS = List.of("-Xms128m", "-Xmx512m", "-Xmn32m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

    /** Starts the service; {@code appendLog} keeps what an earlier run of it wrote (a restart). */
    static ServiceProcess start(Service service, Path jar, int port, Path logDir, Map<String, String> env,
            List<String> args, boolean appendLog) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build first with ./mvnw -DskipTests package");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(service.module() + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(service, port, log, builder.start());
    }

    /** Waits until the readiness probe answers 200; fails early, with the log's tail, if the JVM exits. */
    void awaitReady(HttpClient http, Instant deadline) throws InterruptedException {
        URI probe = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue()
                        + "; last lines of " + log + ":\n" + tail(40));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(PROBE_INTERVAL.toMillis());
        }
        throw new IllegalStateException(service.module() + " not ready in time; last lines of " + log + ":\n" + tail(40));
    }

    /** Asks the JVM to shut down gracefully, then kills it if it does not. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the JVM at once (SIGKILL: no shutdown hooks, no graceful close) and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(service.module() + " still running 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Service service() {
        return service;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
