package io.adpulse.gateway.security;

import java.security.Principal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the UI is signed in as. */
@RestController
class SessionController {

    record Session(String user, List<String> roles) {
    }

    @GetMapping("/api/session")
    Session session(Principal principal) {
        List<String> roles = principal instanceof Authentication auth
                ? auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).toList()
                : List.of();
        return new Session(principal.getName(), roles);
    }
}
