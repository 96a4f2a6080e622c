package io.adpulse.sandbox.loginkit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.adpulse.sandbox.oauth.AppCredentials;
import reactor.core.publisher.Mono;

/**
 * Login Kit's token endpoints on {@code open.tiktokapis.com}, form-encoded requests and flat JSON answers:
 * {@code POST /v2/oauth/token/} ({@code grant_type=authorization_code} with {@code code_verifier}, or
 * {@code refresh_token}), {@code POST /v2/oauth/revoke/}, and {@code GET /v2/user/info/} to check that an access
 * token works. OAuth errors are {@code {error, error_description, log_id}} with 400 (401 for a bad client).
 */
@RestController
class LoginKitApiController {

    private static final Set<String> USER_FIELDS = Set.of("open_id", "union_id", "display_name", "username",
            "avatar_url");

    record TokenAnswer(@JsonProperty("open_id") String openId, String scope,
                       @JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn,
                       @JsonProperty("refresh_token") String refreshToken,
                       @JsonProperty("refresh_expires_in") long refreshExpiresIn,
                       @JsonProperty("token_type") String tokenType) {

        static TokenAnswer of(CreatorAuthorizations.TokenPair pair) {
            return new TokenAnswer(pair.openId(), pair.scope(), pair.accessToken(), pair.expiresIn(),
                    pair.refreshToken(), pair.refreshExpiresIn(), "Bearer");
        }

        @Override
        public String toString() {
            return "TokenAnswer[openId=" + openId + ", scope=" + scope + ", accessToken=***, refreshToken=***]";
        }
    }

    private final AppCredentials app;
    private final CreatorAuthorizations authorizations;
    private final Creators creators;

    LoginKitApiController(AppCredentials app, CreatorAuthorizations authorizations, Creators creators) {
        this.app = app;
        this.authorizations = authorizations;
        this.creators = creators;
    }

    @PostMapping(path = "/v2/oauth/token/")
    Mono<ResponseEntity<Object>> token(ServerWebExchange exchange) {
        return form(exchange).map(form -> {
            String clientKey = form.getFirst("client_key");
            if (!app.matches(clientKey, form.getFirst("client_secret"))) {
                throw LoginKitException.invalidClient();
            }
            String grantType = form.getFirst("grant_type");
            CreatorAuthorizations.TokenPair pair;
            if ("authorization_code".equals(grantType)) {
                pair = authorizations.redeem(clientKey, required(form, "code"), required(form, "redirect_uri"),
                        required(form, "code_verifier"));
            } else if ("refresh_token".equals(grantType)) {
                pair = authorizations.refresh(clientKey, required(form, "refresh_token"));
            } else if (grantType == null || grantType.isBlank()) {
                throw LoginKitException.invalidRequest("grant_type is required.");
            } else {
                throw new LoginKitException(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                        "grant_type must be authorization_code or refresh_token.");
            }
            return json(HttpStatus.OK, TokenAnswer.of(pair));
        });
    }

    @PostMapping(path = "/v2/oauth/revoke/")
    Mono<ResponseEntity<Object>> revoke(ServerWebExchange exchange) {
        return form(exchange).map(form -> {
            String clientKey = form.getFirst("client_key");
            if (!app.matches(clientKey, form.getFirst("client_secret"))) {
                throw LoginKitException.invalidClient();
            }
            authorizations.revoke(clientKey, required(form, "token"));
            return json(HttpStatus.OK, Map.of());
        });
    }

    @GetMapping("/v2/user/info/")
    Mono<ResponseEntity<Object>> userInfo(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                          @RequestParam(required = false) String fields) {
        return Mono.fromSupplier(() -> {
            String token = authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring("Bearer ".length()).trim() : null;
            var grant = authorizations.grantOf(token).orElse(null);
            if (grant == null) {
                return json(HttpStatus.UNAUTHORIZED, Map.of("data", Map.of(), "error", Map.of(
                        "code", "access_token_invalid",
                        "message", "The access token is invalid or not found in the request.",
                        "log_id", logId())));
            }
            Creator creator = creators.byOpenId(grant.openId()).orElseThrow();
            Map<String, Object> user = new LinkedHashMap<>();
            Arrays.stream((fields == null ? "open_id" : fields).split(",")).map(String::trim)
                    .filter(USER_FIELDS::contains).forEach(field -> user.put(field, switch (field) {
                        case "display_name" -> creator.displayName();
                        case "username" -> creator.username();
                        case "avatar_url" -> "https://sandbox.invalid/avatar/" + creator.username() + ".jpg";
                        default -> creator.openId();
                    }));
            return json(HttpStatus.OK, Map.of("data", Map.of("user", user),
                    "error", Map.of("code", "ok", "message", "", "log_id", logId())));
        });
    }

    @ExceptionHandler(LoginKitException.class)
    ResponseEntity<Object> failed(LoginKitException e) {
        return json(e.status(), Map.of("error", e.error(), "error_description", e.getMessage(), "log_id", logId()));
    }

    private static Mono<MultiValueMap<String, String>> form(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return Mono.error(LoginKitException.invalidRequest(
                    "Content-Type must be application/x-www-form-urlencoded."));
        }
        return exchange.getFormData();
    }

    private static String required(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            throw LoginKitException.invalidRequest(name + " is required.");
        }
        return value;
    }

    private static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private static String logId() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
