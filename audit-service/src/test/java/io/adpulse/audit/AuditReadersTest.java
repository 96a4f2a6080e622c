package io.adpulse.audit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The audit log refuses CLIENT users itself, not only at the gateway, on every endpoint, and any role that is neither
 * ADMIN nor AUDITOR; auditors, admins and internal callers (no roles header) read it.
 */
class AuditReadersTest extends AuditServiceTest {

    private static final List<String> ENDPOINTS = List.of("/api/audit/events", "/api/audit/head", "/api/audit/verify");

    @Test
    void refusesClientUsersOnEveryEndpointWhateverElseTheyHold() {
        for (String path : ENDPOINTS) {
            for (String roles : List.of("CLIENT", "client", "AUDITOR,CLIENT", "ADMIN, CLIENT")) {
                web.get().uri(path).header("X-Adpulse-Roles", roles).exchange()
                        .expectStatus().isForbidden()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.detail").isEqualTo("The audit log is not open to the CLIENT role.");
            }
        }
    }

    @Test
    void refusesRolesThatAreNeitherAdminNorAuditor() {
        for (String path : ENDPOINTS) {
            for (String roles : List.of("OPERATOR", "ONCALL", "OPERATOR,ONCALL")) {
                web.get().uri(path).header("X-Adpulse-Roles", roles).exchange().expectStatus().isForbidden();
            }
        }
    }

    @Test
    void letsAuditorsAdminsAndInternalCallersRead() {
        for (String path : ENDPOINTS) {
            web.get().uri(path).header("X-Adpulse-Roles", "AUDITOR").exchange().expectStatus().isOk();
            web.get().uri(path).header("X-Adpulse-Roles", "OPERATOR,ADMIN").exchange().expectStatus().isOk();
            web.get().uri(path).exchange().expectStatus().isOk();
        }
    }
}
