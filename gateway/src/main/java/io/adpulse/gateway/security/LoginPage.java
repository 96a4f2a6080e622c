package io.adpulse.gateway.security;

import io.adpulse.gateway.config.GatewaySettings;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the sign-in page at {@code GET /login}; Spring Security's form login handles {@code POST /login}. The page
 * is static; its script copies the CSRF cookie into the form.
 */
@Configuration(proxyBeanMethods = false)
class LoginPage {

    private static final ClassPathResource PAGE = new ClassPathResource("static/login.html");

    /**
     * The local users' form; without local users (everyone signs in through the OIDC provider) {@code /login},
     * also where a sign-out ends, starts the provider's sign-in instead.
     */
    @Bean
    RouterFunction<ServerResponse> loginPageRoute(GatewaySettings settings) {
        if (!settings.localUsers().enabled() && settings.oidc().enabled()) {
            URI start = URI.create("/oauth2/authorization/" + OidcSignIn.REGISTRATION_ID);
            return RouterFunctions.route().GET("/login", request -> ServerResponse.temporaryRedirect(start).build())
                    .build();
        }
        return RouterFunctions.route().GET("/login",
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(PAGE)).build();
    }
}
