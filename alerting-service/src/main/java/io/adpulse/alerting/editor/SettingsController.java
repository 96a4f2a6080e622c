package io.adpulse.alerting.editor;

import io.adpulse.alerting.config.InvalidSettingException;
import io.adpulse.alerting.config.LiveSettings;
import io.adpulse.alerting.web.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The editable settings: rule thresholds and targets with their overrides per advertiser, brand and campaign, the
 * routing tree, the receivers and the inhibit rules, as one versioned document. {@code GET} shows the version in
 * effect (secrets masked), {@code PUT} stores an edit of it as the next version (ADMIN only), {@code GET /history}
 * lists the stored versions with who changed what. A mistake in an edit is a 400 problem with the {@code field} and
 * the reason, and nothing of the edit takes effect.
 */
@RestController
@RequestMapping("/api/alerting/config")
class SettingsController {

    static final String ACTOR_HEADER = "X-Adpulse-Actor";
    static final String ADMIN = "ADMIN";
    /** Who may read the settings: the staff roles (not CLIENT users, whose brands are not the others'). */
    static final Set<String> READERS = Set.of(ADMIN, "OPERATOR", "ONCALL", "AUDITOR");
    private static final int MAX_ACTOR = 200;
    private static final int MAX_LIMIT = 100;

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    Mono<Map<String, Object>> show(@RequestHeader HttpHeaders headers) {
        requireAny(Caller.of(headers), READERS, "reading the alerting settings");
        return settings.current().map(SettingsController::view);
    }

    @PutMapping
    Mono<Map<String, Object>> edit(@RequestBody(required = false) String body,
            @RequestHeader(name = ACTOR_HEADER, required = false) String actor, @RequestHeader HttpHeaders headers) {
        requireAny(Caller.of(headers), Set.of(ADMIN), "changing the alerting settings");
        JsonNode document = SettingsDocument.parse(body);
        String who = actor == null || actor.isBlank() ? "system" : actor.strip();
        if (who.length() > MAX_ACTOR) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ACTOR_HEADER + " is longer than " + MAX_ACTOR
                    + " characters");
        }
        JsonNode version = document.get(SettingsDocument.VERSION);
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 0) {
            throw SettingsDocument.invalid(SettingsDocument.VERSION, "is required: the version this edit is based on,"
                    + " as read with GET");
        }
        return settings.edit(document, version.asLong(), who).map(SettingsController::view);
    }

    @GetMapping("/history")
    Flux<Map<String, Object>> history(@RequestParam(defaultValue = "20") int limit, @RequestHeader HttpHeaders headers) {
        requireAny(Caller.of(headers), READERS, "reading the alerting settings");
        if (limit < 1 || limit > MAX_LIMIT) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and "
                    + MAX_LIMIT + ", was " + limit));
        }
        return settings.history(limit).map(change -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(SettingsDocument.VERSION, change.after().version());
            entry.put(SettingsDocument.CHANGED_BY, change.after().changedBy());
            entry.put(SettingsDocument.CHANGED_AT, change.after().changedAt());
            entry.put("before", SettingsDocument.write(Secrets.mask(change.before())));
            entry.put("after", SettingsDocument.write(Secrets.mask(change.after().settings())));
            return entry;
        });
    }

    /** A 400 problem naming the field and the reason; it never holds a secret's value. */
    @ExceptionHandler(InvalidSettingException.class)
    ProblemDetail invalid(InvalidSettingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + ": " + e.reason());
        problem.setTitle("Invalid alerting settings");
        problem.setProperty("field", e.field());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    private static Map<String, Object> view(LiveSettings.Snapshot snapshot) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(SettingsDocument.VERSION, snapshot.version());
        view.put(SettingsDocument.CHANGED_BY, snapshot.changedBy());
        view.put(SettingsDocument.CHANGED_AT, snapshot.changedAt());
        view.putAll(SettingsDocument.write(Secrets.mask(snapshot.settings())));
        return view;
    }

    private static void requireAny(Caller caller, Set<String> roles, String what) {
        if (caller.roles().stream().noneMatch(roles::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, what + " needs one of the roles "
                    + roles.stream().sorted().toList());
        }
    }
}
