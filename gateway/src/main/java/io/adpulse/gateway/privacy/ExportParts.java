package io.adpulse.gateway.privacy;

import io.adpulse.gateway.config.GatewaySettings;
import java.net.ConnectException;
import java.time.Duration;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Opens every service's part of an account's data export ({@code GET /api/<name>/privacy/exports/{connectionId}},
 * newline-delimited JSON rows), all at once, and hands them over only when every service has started to answer with
 * 2xx: a service that does not answer, answers with an error or is too slow fails the whole export before a byte of
 * it is sent, with a problem that names every such service (503 when none of them answered, else 502). The parts that
 * did answer are then cancelled, so no connection is left open. The rows of each part are read later, in order, one
 * part after the other; a service may wait up to {@code timeout} between two rows.
 */
@Component
class ExportParts {

    /**
     * One service's part: its name (as in the rows' {@code service}) and its rows, not read yet. The rows are read at
     * most once; a part that will not be read (the download failed or the client went away first) must be
     * {@link #release released}, which cancels the service's answer and frees its connection.
     */
    static final class Part {

        private final String service;
        private final Flux<JsonNode> body;
        private final AtomicBoolean taken = new AtomicBoolean();

        Part(String service, Flux<JsonNode> body) {
            this.service = service;
            this.body = body;
        }

        String service() {
            return service;
        }

        /** The rows, for the one reader of this part. */
        Flux<JsonNode> rows() {
            return Flux.defer(() -> taken.compareAndSet(false, true) ? body
                    : Flux.error(new IllegalStateException("the part of " + service + " was already read")));
        }

        /** Cancels the answer unless it is being read already. */
        void release() {
            if (taken.compareAndSet(false, true)) {
                body.subscribe(row -> { }, failure -> { }).dispose();
            }
        }
    }

    /** A service whose part is asked for, and where. */
    record Source(String name, String service, String baseUri) {
    }

    private final List<Source> sources;
    private final Duration timeout;
    private final WebClient client;

    ExportParts(GatewaySettings settings) {
        GatewaySettings.Privacy privacy = settings.privacy();
        this.sources = List.of(new Source("auth", "auth-service", privacy.authUri()),
                new Source("ingest", "ingest-service", privacy.ingestUri()),
                new Source("reporting", "reporting-service", privacy.reportingUri()),
                new Source("alerting", "alerting-service", privacy.alertingUri()));
        this.timeout = privacy.timeout();
        // A row may carry a stored webhook payload: allow rows up to 1MB each.
        this.client = WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(1024 * 1024)).build();
    }

    /** The services asked, in the order of the export. */
    List<String> services() {
        return sources.stream().map(Source::service).toList();
    }

    /** Every part, in {@link #services()} order, once each service answered 2xx; else a 502/503 problem. */
    Mono<List<Part>> open(ExportRequest request, String actor, String roles, String correlationId) {
        return Flux.fromIterable(sources)
                .flatMapSequential(source -> open(source, request, actor, roles, correlationId))
                .collectList()
                .flatMap(opened -> {
                    List<Opened> failed = opened.stream().filter(o -> o.failure() != null).toList();
                    if (failed.isEmpty()) {
                        return Mono.just(opened.stream().map(Opened::part).toList());
                    }
                    opened.stream().filter(o -> o.part() != null).forEach(o -> o.part().release());
                    boolean noneAnswered = failed.stream().allMatch(o -> o.failure().unavailable());
                    String why = failed.stream().map(o -> o.source().service() + " " + o.failure().reason())
                            .collect(Collectors.joining("; "));
                    return Mono.error(new ResponseStatusException(
                            noneAnswered ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY,
                            "The export was not started because not every service could give its part: " + why
                                    + ". Nothing was exported; try again once every service answers."));
                });
    }

    private Mono<Opened> open(Source source, ExportRequest request, String actor, String roles, String correlationId) {
        return client.get()
                .uri(source.baseUri(), b -> uri(b.path("/api/" + source.name() + "/privacy/exports/{c}"), request))
                .header("X-Adpulse-Actor", actor)
                .header("X-Adpulse-Roles", roles)
                .header("X-Correlation-Id", correlationId)
                .accept(MediaType.APPLICATION_NDJSON)
                .retrieve()
                .toEntityFlux(JsonNode.class)
                .timeout(timeout)
                .map(entity -> new Opened(source, new Part(source.service(),
                        entity.getBody() == null ? Flux.empty() : entity.getBody().timeout(timeout)), null))
                .onErrorResume(e -> Mono.just(new Opened(source, null, Failure.of(e))));
    }

    /** The part's address; every caller-given value goes in as an encoded URI variable, never as template text. */
    private static URI uri(UriBuilder builder, ExportRequest request) {
        Map<String, Object> values = new HashMap<>();
        values.put("c", request.connectionId());
        List<String> ids = request.accountIds();
        for (int i = 0; i < ids.size(); i++) {
            builder.queryParam("accountId", "{a" + i + "}");
            values.put("a" + i, ids.get(i));
        }
        if (request.openId() != null) {
            builder.queryParam("openId", "{openId}");
            values.put("openId", request.openId());
        }
        return builder.build(values);
    }

    private record Opened(Source source, Part part, Failure failure) {
    }

    /** Why a service gave no part; {@code unavailable} when it did not answer at all (down, unreachable, too slow). */
    private record Failure(String reason, boolean unavailable) {

        static Failure of(Throwable e) {
            if (e instanceof WebClientResponseException r) {
                return new Failure("answered " + r.getStatusCode().value(), false);
            }
            if (e instanceof TimeoutException) {
                return new Failure("did not answer in time", true);
            }
            if (e instanceof WebClientRequestException && causedBy(e, ConnectException.class)) {
                return new Failure("is not answering", true);
            }
            return new Failure("could not be reached", true);
        }

        private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
