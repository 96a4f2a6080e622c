package io.adpulse.audit.chain;

import io.adpulse.audit.web.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/audit/head}: the last entry of the chain; {@code GET /api/audit/verify}: re-walks the
 * chain and says whether it holds and, if not, where it first breaks; {@code GET /api/audit/checkpoints}: the latest
 * checkpoints, newest first.
 */
@RestController
class ChainController {

    /** Most checkpoints one request lists. */
    static final int MAX_CHECKPOINTS = 1000;

    private final AuditLog auditLog;
    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;

    ChainController(AuditLog auditLog, ChainVerifier verifier, Checkpoints checkpoints) {
        this.auditLog = auditLog;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/api/audit/checkpoints")
    Flux<Checkpoint> checkpoints(@RequestParam(defaultValue = "50") String limit) {
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'limit' must be a whole number from 1 to " + MAX_CHECKPOINTS);
        }
        if (n < 1 || n > MAX_CHECKPOINTS) {
            throw new InvalidRequestException("'limit' must be from 1 to " + MAX_CHECKPOINTS + ", got " + n);
        }
        return checkpoints.recent(n);
    }

    @GetMapping("/api/audit/head")
    Mono<ChainHead> head() {
        return auditLog.head();
    }

    @GetMapping("/api/audit/verify")
    Mono<Verification> verify() {
        return verifier.verify();
    }
}
