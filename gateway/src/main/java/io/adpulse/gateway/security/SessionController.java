package io.adpulse.gateway.security;

import io.adpulse.gateway.scope.ClientScope;
import java.security.Principal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the UI is signed in as, and for a CLIENT user which client it belongs to ({@code null} otherwise). */
@RestController
class SessionController {

    private final ClientScope clients;

    SessionController(ClientScope clients) {
        this.clients = clients;
    }

    record Session(String user, List<String> roles, String client) {
    }

    @GetMapping("/api/session")
    Session session(Principal principal) {
        List<String> roles = principal instanceof Authentication auth
                ? auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).toList()
                : List.of();
        String client = principal instanceof Authentication auth && ClientScope.isClient(auth)
                ? clients.clientOf(auth).orElse(null) : null;
        return new Session(principal.getName(), roles, client);
    }
}
