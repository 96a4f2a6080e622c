package io.adpulse.audit.chain;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/audit/head}: the last entry of the chain; {@code GET /api/audit/verify}: re-walks the
 * chain and says whether it holds and, if not, where it first breaks.
 */
@RestController
class ChainController {

    private final AuditLog auditLog;
    private final ChainVerifier verifier;

    ChainController(AuditLog auditLog, ChainVerifier verifier) {
        this.auditLog = auditLog;
        this.verifier = verifier;
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
