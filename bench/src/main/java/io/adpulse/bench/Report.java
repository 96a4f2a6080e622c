package io.adpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes the results as the Markdown page docs/BENCHMARKS.md. */
final class Report {

    private Report() {
    }

    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");

    /**
     * What an earlier page said: its date and, per row (measure and figure without its parenthesised, run-specific
     * details), its value and ratio. Empty when there is no earlier page.
     */
    record Previous(String date, Map<String, String> values) {

        static final Previous NONE = new Previous(null, Map.of());

        /** Reads the page that this run is about to replace. */
        static Previous of(String page) {
            String date = null;
            Map<String, String> values = new HashMap<>();
            for (String line : page.split("\n")) {
                String[] cells = CELL_SEPARATOR.split(line, -1);
                if (cells.length < 3) {
                    continue;
                }
                if (cells[1].trim().equals("date (UTC)")) {
                    date = cells[2].trim();
                } else if (cells.length >= 7 && cells[1].trim().matches("\\d .*")) {
                    String ratio = cells[5].trim();
                    values.put(key(cells[1].trim(), unescape(cells[2].trim())),
                            cells[3].trim() + (ratio.isEmpty() ? "" : " (" + ratio + ")"));
                }
            }
            return date == null ? NONE : new Previous(date, values);
        }

        String of(Row row) {
            return values.getOrDefault(key(row.measure(), row.figure()), "");
        }

        private static String key(String measure, String figure) {
            return measure + "|" + PARENTHESES.matcher(figure).replaceAll("").trim();
        }

        private static String unescape(String cell) {
            return cell.replace("\\|", "|");
        }
    }

    static String markdown(Machine machine, Instant startedAt, String command, List<Row> rows, List<String> notes) {
        return markdown(machine, startedAt, command, rows, notes, Previous.NONE);
    }

    /**
     * The page; with an earlier page's figures, each row also shows what that run measured (before and after a
     * change, side by side; across runs, so compare ratios).
     */
    static String markdown(Machine machine, Instant startedAt, String command, List<Row> rows, List<String> notes,
            Previous previous) {
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
        md.append("| OS | ").append(machine.os()).append(" |\n");
        if (previous.date() != null) {
            md.append("| previous run (UTC), its figures in the last column | ").append(cell(previous.date()))
                    .append(" |\n");
        }
        md.append('\n');
        boolean before = previous.date() != null;
        md.append("| measure | figure | value | reference (same run) | ratio | target | met |")
                .append(before ? " previous run: value (ratio) |" : "").append('\n');
        md.append("|---|---|---|---|---|---|---|").append(before ? "---|" : "").append('\n');
        for (Row r : rows) {
            md.append("| ").append(cell(r.measure())).append(" | ").append(cell(r.figure())).append(" | ")
                    .append(cell(r.value())).append(" | ").append(cell(r.reference())).append(" | ")
                    .append(cell(r.ratio())).append(" | ").append(cell(r.target())).append(" | ")
                    .append(cell(r.met())).append(" |");
            if (before) {
                md.append(' ').append(cell(previous.of(r))).append(" |");
            }
            md.append('\n');
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
