package io.adpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Writes the results as the Markdown page docs/BENCHMARKS.md. */
final class Report {

    private Report() {
    }

    static String markdown(Machine machine, Instant startedAt, String command, List<Row> rows, List<String> notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Produced by `").append(command).append("` (see `bench/README.md`). Every headline figure is a ratio ")
                .append("against a reference measured right beside it in the same run, because the machine is shared ")
                .append("and noisy: ratios matter more than absolute numbers.\n\n");
        md.append("| machine | |\n|---|---|\n");
        md.append("| date (UTC) | ").append(startedAt.truncatedTo(ChronoUnit.SECONDS)).append(" |\n");
        md.append("| cores | ").append(machine.cores()).append(" (").append(machine.cpu()).append(") |\n");
        md.append("| memory | ").append(Format.mebibytes(machine.memoryBytes())).append(" |\n");
        md.append("| Java | ").append(machine.java()).append(" |\n");
        md.append("| OS | ").append(machine.os()).append(" |\n\n");
        md.append("| measure | figure | value | reference (same run) | ratio | target | met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(cell(r.measure())).append(" | ").append(cell(r.figure())).append(" | ")
                    .append(cell(r.value())).append(" | ").append(cell(r.reference())).append(" | ")
                    .append(cell(r.ratio())).append(" | ").append(cell(r.target())).append(" | ")
                    .append(cell(r.met())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            for (String note : notes) {
                md.append("- ").append(note).append('\n');
            }
        }
        return md.toString();
    }

    static void write(Path file, String markdown) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, markdown);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
