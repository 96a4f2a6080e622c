package io.adpulse.alerting.notify.web;

import io.adpulse.alerting.notify.delivery.DeliveryStatus;
import io.adpulse.alerting.notify.delivery.DeliveryStore;
import io.adpulse.alerting.web.Caller;
import java.time.Clock;
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
 * The delivery log: every notification sent or being sent, newest first, filterable by status and receiver,
 * and a way to put a FAILED delivery back in the queue once its receiver is fixed. It is the operators' view of
 * paging and names receivers and every client's alerts, so CLIENT users are refused ({@link Caller}).
 */
@RestController
@RequestMapping("/api/alerting/deliveries")
class DeliveryController {

    private static final int MAX_LIMIT = 1000;

    private final DeliveryStore deliveries;
    private final Clock clock;

    DeliveryController(DeliveryStore deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GetMapping
    Flux<DeliveryView> list(@RequestParam(required = false) DeliveryStatus status,
            @RequestParam(required = false) String receiver, @RequestParam(defaultValue = "100") int limit,
            @RequestHeader HttpHeaders headers) {
        Caller.of(headers).refuseClients("the delivery log");
        if (limit < 1 || limit > MAX_LIMIT) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "limit must be between 1 and " + MAX_LIMIT + ", was " + limit));
        }
        return deliveries.list(status, receiver, limit).map(DeliveryView::of);
    }

    @PostMapping("/{id}/retry")
    Mono<DeliveryView> retry(@PathVariable long id, @RequestHeader HttpHeaders headers) {
        Caller.of(headers).refuseClients("the delivery log");
        return deliveries.retry(id, clock.instant())
                .map(DeliveryView::of)
                .switchIfEmpty(Mono.defer(() -> deliveries.find(id)
                        .flatMap(found -> Mono.<DeliveryView>error(new ResponseStatusException(HttpStatus.CONFLICT,
                                "delivery " + id + " is " + found.status() + "; only FAILED deliveries can be retried")))
                        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                                "no delivery with id " + id)))));
    }
}
