package io.adpulse.sandbox.loginkit;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adpulse.sandbox.oauth.AppCredentials;
import reactor.core.publisher.Mono;

/**
 * Login Kit's authorize screen. {@code GET /v2/auth/authorize/} shows the consent page;
 * {@code GET /v2/auth/authorize/decide} redirects back to the app with {@code code, scopes, state}, or with
 * {@code error=access_denied, error_description, state} when the user cancels. PKCE S256 is required. A bad
 * client, redirect URI, response type, scope or challenge is a 400 page and never a redirect.
 */
@RestController
class LoginKitPortalController {

    private final AppCredentials app;
    private final Creators creators;
    private final CreatorAuthorizations authorizations;

    LoginKitPortalController(AppCredentials app, Creators creators, CreatorAuthorizations authorizations) {
        this.app = app;
        this.creators = creators;
        this.authorizations = authorizations;
    }

    @GetMapping("/v2/auth/authorize/")
    Mono<ResponseEntity<String>> authorize(@RequestParam Map<String, String> query) {
        return Mono.fromSupplier(() -> {
            AuthorizeRequest request = request(query);
            String problem = request.problem(app.knows(request.clientKey()));
            return problem != null ? html(HttpStatus.BAD_REQUEST, LoginKitPages.error(problem))
                    : html(HttpStatus.OK, LoginKitPages.consent(request, creators.all()));
        });
    }

    @GetMapping("/v2/auth/authorize/decide")
    Mono<ResponseEntity<String>> decide(@RequestParam Map<String, String> query) {
        return Mono.fromSupplier(() -> {
            AuthorizeRequest request = request(query);
            String problem = request.problem(app.knows(request.clientKey()));
            if (problem != null) {
                return html(HttpStatus.BAD_REQUEST, LoginKitPages.error(problem));
            }
            Map<String, String> redirect = new LinkedHashMap<>();
            String decision = query.get("decision");
            if ("deny".equals(decision)) {
                redirect.put("error", "access_denied");
                redirect.put("error_description", "The user canceled the authorization.");
            } else if ("approve".equals(decision)) {
                String openId = query.getOrDefault("open_id", creators.all().get(0).openId());
                if (creators.byOpenId(openId).isEmpty()) {
                    return html(HttpStatus.BAD_REQUEST, LoginKitPages.error("Unknown TikTok account: " + openId));
                }
                redirect.put("code", authorizations.issueCode(request.clientKey(), openId, request.scope(),
                        request.redirectUri(), request.codeChallenge()));
                redirect.put("scopes", request.scope());
            } else {
                return html(HttpStatus.BAD_REQUEST, LoginKitPages.error("decision must be approve or deny."));
            }
            if (request.state() != null) {
                redirect.put("state", request.state());
            }
            String parameters = redirect.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            String base = request.redirectUri();
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create(base + (base.contains("?") ? "&" : "?") + parameters)).<String>build();
        });
    }

    private static AuthorizeRequest request(Map<String, String> query) {
        return new AuthorizeRequest(query.get("client_key"), query.get("response_type"), query.get("scope"),
                query.get("redirect_uri"), query.get("state"), query.get("code_challenge"),
                query.get("code_challenge_method"));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(body);
    }
}
