package io.adpulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resident memory of processes, read from Linux's {@code /proc}: RSS ({@code status}, VmRSS) and PSS
 * ({@code smaps_rollup}, Pss). RSS counts a page shared by several processes (PostgreSQL's shared buffers, the JDK's
 * libraries and class-data archive) in full in each of them, so a sum of RSS overstates what a set of processes
 * occupies; PSS divides every shared page among the processes that map it, so PSS adds up.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** VmRSS of {@code pid} in bytes, or -1 when the process is gone or /proc is not there. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return kilobytes(line) * 1024;
                }
            }
        } catch (IOException gone) {
            return -1;
        }
        return -1;
    }

    /** PSS of {@code pid} in bytes, or -1 when the process is gone or /proc is not there. */
    static long pssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return kilobytes(line) * 1024;
                }
            }
        } catch (IOException gone) {
            return -1;
        }
        return -1;
    }

    /** Resident memory of one component: RSS and PSS, in bytes. */
    record Resident(long rss, long pss) {

        Resident plus(Resident other) {
            return new Resident(rss + other.rss, pss + other.pss);
        }
    }

    /** The number of a {@code /proc} line such as {@code VmRSS:   123456 kB}. */
    static long kilobytes(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(parts[0]);
    }

    /** The process's command line, arguments separated by spaces; empty when unreadable. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException gone) {
            return "";
        }
    }

    /**
     * RSS and PSS of {@code root} and of every descendant, summed per component: a JVM started with {@code -jar
     * .../<name>.jar} is {@code <name>}, PostgreSQL's processes are together {@code postgresql}, the root is
     * {@code rootName}, anything else is named by its executable.
     */
    static Map<String, Resident> residentByComponent(ProcessHandle root, String rootName) {
        Map<String, Resident> byComponent = new LinkedHashMap<>();
        add(byComponent, rootName, root.pid());
        List<ProcessHandle> descendants = new ArrayList<>(root.descendants().toList());
        for (ProcessHandle p : descendants) {
            add(byComponent, component(commandLine(p.pid())), p.pid());
        }
        return byComponent;
    }

    static String component(String commandLine) {
        String[] args = commandLine.split(" ");
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-jar")) {
                String jar = Path.of(args[i + 1]).getFileName().toString();
                return jar.endsWith(".jar") ? jar.substring(0, jar.length() - 4) : jar;
            }
        }
        if (commandLine.contains("postgres")) {
            return "postgresql";
        }
        return args.length == 0 || args[0].isEmpty() ? "other" : Path.of(args[0]).getFileName().toString();
    }

    private static void add(Map<String, Resident> byComponent, String name, long pid) {
        long rss = rssBytes(pid);
        if (rss > 0) {
            byComponent.merge(name, new Resident(rss, Math.max(0, pssBytes(pid))), Resident::plus);
        }
    }
}
