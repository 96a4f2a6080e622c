package io.adpulse.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Writes the suite's figures: each part (the fuzzing pass, the fault run) leaves its section in
 * {@code target/reliability/}, and every time a section is written the whole report is assembled again into
 * {@code faults.report} (docs/RELIABILITY.md in {@code -Pfaults-full}; nowhere in the short run).
 */
final class ReliabilityReport {

    private static final Path SECTIONS = Path.of("target", "reliability");

    private ReliabilityReport() {
    }

    static synchronized void fuzz(String markdownTable, List<String> violations) {
        StringBuilder md = new StringBuilder("## Fuzzing pass through the gateway\n\n").append(markdownTable);
        if (!violations.isEmpty()) {
            md.append("\nViolations (first 50):\n\n");
            violations.stream().limit(50).forEach(v -> md.append("- ").append(v.replace("\n", " ")).append('\n'));
        }
        write("2-fuzz.md", md.toString());
    }

    static synchronized void chaos(Map<String, Object> figures, List<String> timeline) {
        StringBuilder md = new StringBuilder("## Faults while syncing, then reconciliation\n\n| figure | value |\n|---|---|\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(String.valueOf(v).replace("|", "\\|"))
                .append(" |\n"));
        md.append("\nWhat happened, in order:\n\n");
        timeline.forEach(line -> md.append("- ").append(line).append('\n'));
        write("1-faults.md", md.toString());
    }

    private static void write(String section, String markdown) {
        try {
            Files.createDirectories(SECTIONS);
            Files.writeString(SECTIONS.resolve(section), markdown, StandardCharsets.UTF_8);
            String report = System.getProperty("faults.report", "");
            if (report.isBlank()) {
                return;
            }
            StringBuilder all = new StringBuilder();
            all.append("# Reliability\n\n");
            all.append("Figures of the fault suite (module `faults`, issue #9) from a real run on ")
                    .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", written by the suite itself.\n");
            all.append("Reproduce with `./mvnw -pl faults -am verify -Pfaults-full` (builds and tests the modules it needs ")
                    .append("first; `./mvnw -pl faults verify -Pfaults-full` when they are built);\n");
            all.append("every `./mvnw verify` runs the short version (two SIGKILLs, one restart of Kafka and of PostgreSQL, ")
                    .append("one storm, 2,400 fuzz cases) without writing this file.\n\n");
            all.append("The whole system runs as in `./run-local`: embedded Kafka (KRaft) and PostgreSQL, the TikTok ")
                    .append("sandbox, every service its own JVM. What is not covered yet is listed at the end.\n\n");
            try (var files = Files.list(SECTIONS)) {
                for (Path file : files.sorted().toList()) {
                    all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
                }
            }
            all.append(NOT_COVERED);
            Files.writeString(Path.of(report), all.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String NOT_COVERED = """
            ## Limits of this run

            - Accounts: the sandbox seeds three advertisers (US, UK, Japan) and its creators; the suite syncs all of
              them (one business connection, one creator connection), not hundreds.
            - Kafka is one node: the restart stops and starts its broker on the same port and log directories while the
              node's KRaft controller keeps running, as a rolling restart of one broker of a cluster would.
            - Refusals without a problem document (listed above with the request that earned each kind) are counted
              and reported, not failed on, and so are connections closed without an answer; 5xx answers, anonymous
              successes and crashed services fail the suite.
            """;
}
