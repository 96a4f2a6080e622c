package io.adpulse.gateway.scope;

import io.adpulse.gateway.config.GatewaySettings;
import io.adpulse.gateway.security.AdpulseClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;

/**
 * Which client a signed-in user belongs to. A local user names it in configuration
 * ({@code adpulse.gateway.users[n].client}); a user signed in through an identity provider carries it in the
 * {@value #CLAIM} claim of its ID token or access token ({@code OidcUser}, {@code Jwt}) or in the attribute of that
 * name of an OAuth2 user. Only the CLIENT role is narrowed to a client; {@link #isClient} says whether it applies.
 */
@Component
public class ClientScope {

    /** The identity provider's claim naming the user's client. */
    public static final String CLAIM = "adpulse_client";
    /** The role that is narrowed to the advertisers of one client's brands. */
    public static final String CLIENT_ROLE = "CLIENT";

    private final Map<String, String> localClients = new HashMap<>();

    ClientScope(GatewaySettings settings) {
        for (GatewaySettings.LocalUser user : settings.users()) {
            boolean client = user.roles().contains(GatewaySettings.Role.CLIENT);
            boolean named = user.client() != null && !user.client().isBlank();
            if (client && !named) {
                throw new IllegalStateException("local user '" + user.username() + "' has the CLIENT role but no "
                        + "client (adpulse.gateway.users[n].client)");
            }
            if (named) {
                localClients.put(user.username(), user.client().strip());
            }
        }
    }

    /** Whether the user holds the CLIENT role, and so sees only its client's advertisers. */
    public static boolean isClient(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_" + CLIENT_ROLE) || a.equals(CLIENT_ROLE));
    }

    /** The user's client id, from its token's claim or its local configuration; empty when it names none. */
    public Optional<String> clientOf(Authentication auth) {
        if (auth == null) {
            return Optional.empty();
        }
        // Signed in through the gateway's OIDC support: the claim configured as adpulse.gateway.oidc.client-claim.
        Optional<String> configured = AdpulseClient.of(auth);
        if (configured.isPresent()) {
            return named(configured.get());
        }
        Object principal = auth.getPrincipal();
        // A token's user is never matched to a local user of the same name: only its own claim counts.
        if (principal instanceof ClaimAccessor claims) {
            return named(claims.getClaimAsString(CLAIM));
        }
        if (principal instanceof OAuth2AuthenticatedPrincipal oauth) {
            Object value = oauth.getAttribute(CLAIM);
            return named(value == null ? null : value.toString());
        }
        return Optional.ofNullable(localClients.get(auth.getName()));
    }

    private static Optional<String> named(String client) {
        return client == null || client.isBlank() ? Optional.empty() : Optional.of(client.strip());
    }
}
