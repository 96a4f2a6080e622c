package io.adpulse.sandbox.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.adpulse.sandbox.api.TikTokApi;
import reactor.core.publisher.Mono;

/**
 * Test-only control of traffic (not part of TikTok's API): {@code GET/DELETE /sandbox/calls} reads or resets the
 * call counts; {@code POST /sandbox/faults} injects a failure for the next N calls of a path,
 * {@code GET /sandbox/faults} lists pending ones and {@code DELETE /sandbox/faults} clears them.
 */
@RestController
class TrafficController {

    /**
     * A fault to inject.
     *
     * @param path       {@code /open_api/v1.3/report/integrated/get/}, the short {@code report/integrated/get/}, or {@code *}
     * @param times      how many calls it applies to (default 1)
     * @param code       TikTok code to answer in an HTTP 200 envelope (e.g. 40100, 40105, 50000)
     * @param message    message for that code or error (default: TikTok's)
     * @param error      Display API v2 error code ({@code rate_limit_exceeded}, {@code access_token_invalid},
     *                   {@code internal_error}...) answered with its HTTP status, for {@code /v2/video/...} paths
     * @param httpStatus HTTP status to answer instead (e.g. 503, 504)
     * @param delayMs    hold the call this long first; alone, it only slows the call down
     * @param body       {@code malformed} (HTTP 200 with JSON that does not parse) or {@code truncated} (the real
     *                   answer cut off halfway), for Marketing API paths
     */
    record FaultRequest(@NotBlank String path, @Min(1) @Max(100_000) Integer times, Integer code, String message,
                        String error,
                        @JsonProperty("http_status") @Min(400) @Max(599) Integer httpStatus,
                        @JsonProperty("delay_ms") @Min(0) @Max(600_000) Long delayMs, String body) {
    }

    record FaultView(String id, String path, int remaining, Integer code, String message, String error,
                     @JsonProperty("http_status") Integer httpStatus, @JsonProperty("delay_ms") long delayMs,
                     String body) {

        static FaultView of(Fault fault) {
            return new FaultView(fault.id(), fault.path(), fault.remaining(), fault.code(), fault.message(),
                    fault.error(), fault.httpStatus(), fault.delay().toMillis(), fault.body());
        }
    }

    /** Call counts: the total, per path, per app, and per (path, app). */
    record Calls(long total, @JsonProperty("by_path") Map<String, Long> byPath,
                 @JsonProperty("by_app") Map<String, Long> byApp, List<CallCounter.CallCount> calls) {

        static Calls of(List<CallCounter.CallCount> calls) {
            return new Calls(calls.stream().mapToLong(CallCounter.CallCount::count).sum(),
                    sum(calls, CallCounter.CallCount::path), sum(calls, CallCounter.CallCount::app), calls);
        }

        private static Map<String, Long> sum(List<CallCounter.CallCount> calls,
                                             Function<CallCounter.CallCount, String> key) {
            return calls.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                    Collectors.summingLong(CallCounter.CallCount::count)));
        }
    }

    private final FaultInjector faults;
    private final CallCounter counter;

    TrafficController(FaultInjector faults, CallCounter counter) {
        this.faults = faults;
        this.counter = counter;
    }

    @GetMapping("/sandbox/calls")
    Mono<Calls> calls() {
        return Mono.fromSupplier(() -> Calls.of(counter.snapshot()));
    }

    @DeleteMapping("/sandbox/calls")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> resetCalls() {
        return Mono.fromRunnable(counter::reset);
    }

    @PostMapping("/sandbox/faults")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<FaultView> inject(@Valid @RequestBody FaultRequest request) {
        return Mono.fromSupplier(() -> {
            long answers = Stream.of(request.code(), request.error(), request.httpStatus(), request.body())
                    .filter(Objects::nonNull).count();
            if (answers > 1) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "Give either code, error, http_status or body, not several.");
            }
            if (answers == 0 && request.delayMs() == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "Give a code, an error, an http_status, a body or a delay_ms.");
            }
            if (request.body() != null && !Fault.BODIES.contains(request.body())) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "body must be one of "
                        + new TreeSet<>(Fault.BODIES) + ".");
            }
            if (request.error() != null && !Fault.DISPLAY_ERRORS.containsKey(request.error())) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "error must be one of "
                        + new TreeSet<>(Fault.DISPLAY_ERRORS.keySet()) + ".");
            }
            if (request.code() != null && request.code() == 0) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "code must be a TikTok error code, not 0.");
            }
            String path = request.path().equals("*") || request.path().startsWith("/")
                    ? request.path() : TikTokApi.BASE + "/" + request.path();
            Fault fault = faults.add(path, request.times() == null ? 1 : request.times(), request.code(),
                    request.message(), request.error(), request.httpStatus(),
                    Duration.ofMillis(request.delayMs() == null ? 0 : request.delayMs()), request.body());
            return FaultView.of(fault);
        });
    }

    @GetMapping("/sandbox/faults")
    Mono<Map<String, List<FaultView>>> pending() {
        return Mono.fromSupplier(() -> Map.of("faults", faults.pending().stream().map(FaultView::of).toList()));
    }

    @DeleteMapping("/sandbox/faults")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> clear() {
        return Mono.fromRunnable(faults::clear);
    }
}
