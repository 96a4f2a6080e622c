package io.adpulse.auth.admin;

import io.adpulse.auth.connection.KeyRotationReport;
import io.adpulse.auth.connection.KeyRotationService;
import io.adpulse.auth.web.Actor;
import io.adpulse.auth.web.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Token master keys, for admins: which key protects how many tokens, and the re-encryption of all
 * tokens under the active key (the rotation command). Answers name key ids and counts, never keys.
 */
@RestController
@RequestMapping("/api/auth/admin/keys")
class KeyAdminController {

    private static final Logger log = LoggerFactory.getLogger(KeyAdminController.class);

    private final KeyRotationService rotation;

    KeyAdminController(KeyRotationService rotation) {
        this.rotation = rotation;
    }

    @GetMapping
    Mono<KeyRotationReport> status(@RequestHeader(name = Roles.HEADER, required = false) String roles) {
        Roles.requireAdmin(roles);
        return rotation.status();
    }

    /** Re-encrypts every stored token under the active key of {@code ADPULSE_TOKEN_KEYS}. */
    @PostMapping("/rotate")
    Mono<KeyRotationReport> rotate(@RequestHeader(name = Roles.HEADER, required = false) String roles,
            @RequestHeader(name = Actor.HEADER, required = false) String actor) {
        Roles.requireAdmin(roles);
        String who = Actor.orSystem(actor);
        return Mono.fromRunnable(() -> log.info("Token key rotation requested by {}", who))
                .then(rotation.reencryptAll());
    }
}
