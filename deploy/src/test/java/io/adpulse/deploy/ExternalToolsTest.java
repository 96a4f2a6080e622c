package io.adpulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the files with the real tools when they are on the PATH, and is skipped otherwise (CI machines may not
 * have them): promtool (Debian package {@code prometheus}) checks the Prometheus configuration and rules and runs
 * the rule unit tests; kubectl renders every Kustomize overlay. The structural checks of
 * {@link DeployConsistencyTest} always run.
 */
class ExternalToolsTest {

    private static Path promtool;
    private static Path kubectl;
    private static Workspace ws;

    @BeforeAll
    static void find() {
        ws = new Workspace();
        promtool = onPath("promtool");
        kubectl = onPath("kubectl");
    }

    private static Path onPath(String tool) {
        return java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    @Test
    void everyOverlayRendersWithKustomize() throws Exception {
        assumeTrue(kubectl != null, "kubectl is not on the PATH");
        for (String overlay : List.of("dev", "prod")) {
            Result result = exec(List.of(kubectl.toString(), "kustomize", ws.deploy.resolve("k8s/overlays/" + overlay).toString()));
            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output()).as("rendered %s overlay", overlay).contains("kind: KafkaTopic").contains("name: gateway");
        }
    }

    @Test
    void prometheusConfigurationIsValid() throws Exception {
        assumeTrue(promtool != null, "promtool is not on the PATH");
        Result result = run("check", "config", ws.deploy.resolve("prometheus/prometheus.yml").toString());
        assertThat(result.exit()).as(result.output()).isZero();
    }

    @Test
    void alertRulesAreValid() throws Exception {
        assumeTrue(promtool != null, "promtool is not on the PATH");
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        Workspace.files(ws.deploy.resolve("prometheus/rules"), ".yml").forEach(p -> args.add(p.toString()));
        Result result = run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.output()).isZero();
    }

    @Test
    void alertRulesFireOnTheirScenarios() throws Exception {
        assumeTrue(promtool != null, "promtool is not on the PATH");
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        Workspace.files(ws.deploy.resolve("prometheus/tests"), ".yml").forEach(p -> args.add(p.toString()));
        assertThat(args).hasSizeGreaterThan(2);
        Result result = run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.output()).isZero();
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(args));
        return exec(command);
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ws.deploy.resolve("prometheus").toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "promtool did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
