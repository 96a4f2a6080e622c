package io.adpulse.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The fuzzing pass's figures: cases per surface, answers by status, and every violation. */
final class FuzzTally {

    static final FuzzTally INSTANCE = new FuzzTally();

    private final Map<String, Long> casesBySurface = new TreeMap<>();
    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> unanswered = new ArrayList<>();
    private long serverErrors;
    private long noAnswer;
    private long unclearRefusals;
    private long anonymousSuccesses;
    private long clearRefusals;
    private long refusedAsNotHttp;
    private long refusedForSize;
    /** Refusals without a problem document, by surface, status and body, with the requests that earned them. */
    private final Map<String, List<String>> unclear = new TreeMap<>();
    private boolean servicesAlive;

    private FuzzTally() {
    }

    /** Counts one answer; returns why it is a violation, or null. */
    synchronized String record(String surface, boolean anonymous, String method, boolean notHttp,
            RawHttp.Response response, String request) {
        casesBySurface.merge(surface, 1L, Long::sum);
        byStatus.merge(response.status(), 1L, Long::sum);
        String violation = null;
        int status = response.status();
        if (status == 0) {
            // a connection closed without an answer: counted and listed (the crash check is the processes')
            noAnswer++;
            unanswered.add(surface + ": " + abbreviate(request));
        } else if (status >= 500) {
            serverErrors++;
            violation = "a server error";
        } else if (anonymous && status < 300) {
            anonymousSuccesses++;
            violation = "an anonymous call succeeded";
        } else if (status >= 400) {
            if (method.equalsIgnoreCase("HEAD") || isProblemWithReason(response)) {
                clearRefusals++;
            } else if (notHttp) {
                refusedAsNotHttp++;
            } else if (status == 414 || status == 431) {
                refusedForSize++;
            } else {
                unclearRefusals++;
                String kind = status + " " + (response.header("content-type") == null ? "without a body"
                        : response.header("content-type") + " " + abbreviate(response.body()).replaceAll(
                        "\"(timestamp|requestId|path)\":\"[^\"]*\",?", ""));
                unclear.computeIfAbsent(surface + ": " + kind, k -> new ArrayList<>()).add(abbreviate(request));
            }
        }
        if (violation != null) {
            violations.add(surface + ": " + violation + ": " + status + " " + response.headers().get("content-type")
                    + " " + abbreviate(response.body()) + " to " + abbreviate(request));
        }
        return violation;
    }

    private static boolean isProblemWithReason(RawHttp.Response response) {
        String type = response.header("content-type");
        if (type == null || !type.contains("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = FaultStack.JSON.readTree(response.body());
            return problem.path("detail").isString() && !problem.path("detail").asString().isBlank();
        } catch (JacksonException e) {
            return false;
        }
    }

    synchronized void servicesAliveAfterwards(boolean alive) {
        servicesAlive = alive;
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "…(" + oneLine.length() + " chars)" : oneLine;
    }

    synchronized long cases() {
        return casesBySurface.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The figures as Markdown table rows. */
    synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| figure | value |\n|---|---|\n");
        md.append("| generated cases | ").append(cases()).append(" |\n");
        casesBySurface.forEach((surface, n) -> md.append("| cases: ").append(surface).append(" | ").append(n).append(" |\n"));
        md.append("| answers by status | ").append(byStatus).append(" |\n");
        md.append("| 5xx answers | ").append(serverErrors).append(" |\n");
        md.append("| no answer (reset, crash) | ").append(noAnswer).append(" |\n");
        md.append("| 4xx refusals with a problem document and reason | ").append(clearRefusals).append(" |\n");
        md.append("| malformed HTTP refused by Netty with a bare 4xx | ").append(refusedAsNotHttp).append(" |\n");
        md.append("| oversized URI or headers refused by Netty with a bare 414/431 | ").append(refusedForSize)
                .append(" |\n");
        md.append("| other 4xx refusals without a problem document (findings below) | ").append(unclearRefusals).append(" |\n");
        md.append("| anonymous calls that succeeded | ").append(anonymousSuccesses).append(" |\n");
        md.append("| every service process alive afterwards | ").append(servicesAlive ? "yes" : "no").append(" |\n");
        if (!unanswered.isEmpty()) {
            md.append("\nConnections closed without an answer:\n\n");
            unanswered.stream().limit(20).forEach(u -> md.append("- `").append(u.replace("`", "'")
                    .replace("|", "\\|")).append("`\n"));
        }
        if (!unclear.isEmpty()) {
            md.append("\nRefusals without a problem document, by kind (count, then one request that earned it):\n\n");
            unclear.forEach((kind, requests) -> md.append("- ").append(requests.size()).append(" × ").append(kind
                    .replace("|", "\\|")).append(" — e.g. `").append(requests.get(0).replace("`", "'")
                    .replace("|", "\\|")).append("`\n"));
        }
        return md.toString();
    }
}
