package io.adpulse.alerting.alert.web;

import io.adpulse.alerting.alert.domain.AlertFilter;
import io.adpulse.alerting.alert.domain.AlertRepository;
import io.adpulse.alerting.alert.domain.AlertState;
import io.adpulse.alerting.alert.domain.Inhibits;
import io.adpulse.alerting.alert.domain.Mutes;
import io.adpulse.alerting.alert.domain.Severity;
import io.adpulse.alerting.web.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The alert API. Listing shows episodes newest first; acknowledging records who took an alert in hand
 * (the {@code X-Adpulse-Actor} the gateway sets, {@code system} without one) on its latest episode, and
 * does not change its state: only the rule's condition clearing resolves an alert.
 */
@RestController
@RequestMapping("/api/alerting/alerts")
class AlertController {

    static final String ACTOR_HEADER = "X-Adpulse-Actor";
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_ACTOR_LENGTH = 200;
    private static final int MAX_ID_LENGTH = 100;

    private final AlertRepository alerts;
    private final Mutes mutes;
    private final Inhibits inhibits;
    private final Clock clock;

    AlertController(AlertRepository alerts, Mutes mutes, Inhibits inhibits, Clock clock) {
        this.alerts = alerts;
        this.mutes = mutes;
        this.inhibits = inhibits;
        this.clock = clock;
    }

    /**
     * Alerts, newest first, filtered by state, advertiser, rule, severity and start time, a page at a time
     * ({@code limit}, {@code offset}); a CLIENT user sees only those of its advertisers ({@link Caller}).
     */
    @GetMapping
    Flux<AlertView> list(@RequestParam(required = false) AlertState state,
            @RequestParam(required = false) String advertiserId, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset,
            @RequestHeader HttpHeaders headers) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Flux.error(badRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + limit));
        }
        if (offset < 0) {
            return Flux.error(badRequest("offset must not be negative, was " + offset));
        }
        if (advertiserId != null && (advertiserId.isBlank() || advertiserId.length() > MAX_ID_LENGTH)) {
            return Flux.error(badRequest("advertiserId must be 1 to " + MAX_ID_LENGTH + " characters"));
        }
        if (rule != null && (rule.isBlank() || rule.length() > MAX_ID_LENGTH)) {
            return Flux.error(badRequest("rule must be 1 to " + MAX_ID_LENGTH + " characters"));
        }
        Severity level = null;
        if (severity != null) {
            try {
                level = Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Flux.error(badRequest("severity must be info, warning or critical, was " + severity.strip()));
            }
        }
        if (since != null && until != null && !since.isBefore(until)) {
            return Flux.error(badRequest("since must be before until"));
        }
        AlertFilter filter = new AlertFilter(state, advertiserId, rule, level, since, until);
        Caller caller = Caller.of(headers);
        return Mono.zip(mutes.at(clock.instant()), inhibits.at(clock.instant()))
                .flatMapMany(by -> alerts.list(filter, caller.advertiserIds(), limit, offset)
                .map(alert -> AlertView.of(alert, by.getT1().apply(alert.matchLabels()), by.getT2().apply(alert))));
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    @PostMapping("/{fingerprint}/ack")
    Mono<AlertView> acknowledge(@PathVariable String fingerprint,
            @RequestHeader(name = ACTOR_HEADER, required = false) String actor, @RequestHeader HttpHeaders headers) {
        Caller.of(headers).refuseClients("acknowledging alerts");
        String who = actor == null || actor.isBlank() ? "system" : actor.strip();
        if (who.length() > MAX_ACTOR_LENGTH) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    ACTOR_HEADER + " is longer than " + MAX_ACTOR_LENGTH + " characters"));
        }
        return Mono.zip(mutes.at(clock.instant()), inhibits.at(clock.instant()))
                .flatMap(by -> alerts.acknowledge(fingerprint, who, clock.instant())
                        .map(alert -> AlertView.of(alert, by.getT1().apply(alert.matchLabels()), by.getT2().apply(alert))))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no alert with fingerprint " + fingerprint)));
    }
}
