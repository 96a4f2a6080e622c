package io.adpulse.audit.query;

import io.adpulse.audit.config.AuditProperties;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/audit/events?type=&subject=&actor=&topic=&valid=&from=&to=&order=&limit=&after=}: a page
 * of audit entries (see {@link EventQuery} for the parameters).
 */
@RestController
class AuditEventsController {

    private final AuditEvents events;
    private final AuditProperties properties;

    AuditEventsController(AuditEvents events, AuditProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    @GetMapping("/api/audit/events")
    Mono<EventPage> events(@RequestParam MultiValueMap<String, String> parameters) {
        return Mono.defer(() -> events.find(EventQuery.parse(parameters, properties.query())));
    }
}
