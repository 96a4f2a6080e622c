package io.adpulse.bench;

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
 * One Adpulse service as its own JVM, started from its executable jar with the JVM flags the local stack's launcher
 * uses, its output in a log file. Ready means its readiness probe answers 200.
 */
final class ServiceJvm implements AutoCloseable {

    /**
     * The launcher's flags for services (launcher/ServiceProcess.JVM_FLAGS; the bench does not link the launcher's
     * classes), so the service runs as it does on the local stack.
     */
    static final List<String> STACK_JVM_FLAGS = List.of("-Xms128m", "-Xmx512m", "-Xmn32m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

    /**
     * Flags appended after the stack's (a later flag wins), from {@code bench.jvm.extra-flags} (space separated): to
     * profile a measured service (Java Flight Recorder) or try another setting against the same references.
     */
    static List<String> extraFlags() {
        String flags = System.getProperty("bench.jvm.extra-flags", "").trim();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    }

    /** The launcher's own flags, as {@code ./run-local} starts it. */
    static final List<String> LAUNCHER_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xmn48m");

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceJvm(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ServiceJvm start(Path jar, int port, Map<String, String> env, Path log) throws IOException {
        return start(jar, port, env, List.of(), log);
    }

    /** As {@link #start(Path, int, Map, Path)}, with command-line arguments for the service ({@code --name=value}). */
    static ServiceJvm start(Path jar, int port, Map<String, String> env, List<String> arguments, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build with ./mvnw -q -pl bench -am package -DskipTests");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(STACK_JVM_FLAGS);
        command.addAll(extraFlags());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return new ServiceJvm(builder.start(), log, port);
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI probe = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(log.getFileName() + " exited with " + process.exitValue() + ":\n" + tail());
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
            Thread.sleep(250);
        }
        throw new IllegalStateException("not ready in " + timeout + ":\n" + tail());
    }

    long pid() {
        return process.pid();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
