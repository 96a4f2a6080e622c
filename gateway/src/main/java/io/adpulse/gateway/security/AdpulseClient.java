package io.adpulse.gateway.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * The reporting-service client id a CLIENT user belongs to, from the identity provider's {@code adpulse_client}
 * claim (the claim name is {@code adpulse.gateway.oidc.client-claim}). Browser sessions (OIDC) and bearer JWTs both
 * carry it; local users have none. Use {@link #of(Authentication)} to forward it to the services.
 */
public interface AdpulseClient {

    /** The client id, or null when the user belongs to no client. */
    String adpulseClient();

    /** The client id of whoever is signed in, when the identity provider named one. */
    static Optional<String> of(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication instanceof AdpulseClient direct) {
            return Optional.ofNullable(direct.adpulseClient());
        }
        if (authentication.getPrincipal() instanceof AdpulseClient principal) {
            return Optional.ofNullable(principal.adpulseClient());
        }
        return Optional.empty();
    }
}
