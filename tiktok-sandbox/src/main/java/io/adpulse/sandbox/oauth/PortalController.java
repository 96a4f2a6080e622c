package io.adpulse.sandbox.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Catalog;
import reactor.core.publisher.Mono;

/**
 * TikTok's advertiser authorization portal. {@code GET /portal/auth} shows the consent page;
 * {@code GET /portal/auth/decide} records the decision and redirects the browser back to the app:
 * {@code redirect_uri?auth_code=X&code=X&state=S} on approval (TikTok has been seen sending both names), or
 * {@code redirect_uri?error=access_denied&error_description=...&state=S} on denial. An unknown app, a redirect
 * URI that is not an absolute http(s) URI or an unknown advertiser is a 400 page: TikTok never redirects to an
 * app it cannot vouch for.
 */
@RestController
class PortalController {

    private final AppCredentials app;
    private final AuthorizationCodes codes;
    private final Catalog catalog;

    PortalController(AppCredentials app, AuthorizationCodes codes, Catalog catalog) {
        this.app = app;
        this.codes = codes;
        this.catalog = catalog;
    }

    @GetMapping("/portal/auth")
    Mono<ResponseEntity<String>> consent(@RequestParam(name = "app_id", required = false) String appId,
                                         @RequestParam(required = false) String state,
                                         @RequestParam(name = "redirect_uri", required = false) String redirectUri) {
        return Mono.fromSupplier(() -> {
            String problem = problemWith(appId, redirectUri);
            return problem != null ? badRequest(problem)
                    : html(HttpStatus.OK, ConsentPage.render(appId, state, redirectUri, catalog.advertisers()));
        });
    }

    @GetMapping("/portal/auth/decide")
    Mono<ResponseEntity<String>> decide(@RequestParam(name = "app_id", required = false) String appId,
                                        @RequestParam(required = false) String state,
                                        @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                        @RequestParam(required = false) String decision,
                                        @RequestParam(name = "advertiser_ids", required = false) List<String> advertiserIds) {
        return Mono.fromSupplier(() -> {
            String problem = problemWith(appId, redirectUri);
            if (problem != null) {
                return badRequest(problem);
            }
            Map<String, String> query = new LinkedHashMap<>();
            if ("deny".equals(decision)) {
                query.put("error", "access_denied");
                query.put("error_description", "The user denied the authorization request.");
            } else if ("approve".equals(decision)) {
                List<String> chosen = chosen(advertiserIds);
                if (chosen.isEmpty()) {
                    return badRequest("Select at least one advertiser account to authorize.");
                }
                List<String> unknown = chosen.stream().filter(id -> catalog.advertiser(id).isEmpty()).toList();
                if (!unknown.isEmpty()) {
                    return badRequest("Unknown advertiser account(s): " + String.join(", ", unknown));
                }
                String code = codes.issue(appId, chosen);
                query.put("auth_code", code);
                query.put("code", code);
            } else {
                return badRequest("decision must be approve or deny.");
            }
            if (state != null) {
                query.put("state", state);
            }
            return ResponseEntity.status(HttpStatus.FOUND).location(withQuery(redirectUri, query)).<String>build();
        });
    }

    /** The ticked advertisers: repeated parameters and comma-separated lists alike; all of them when none is named. */
    private List<String> chosen(List<String> advertiserIds) {
        if (advertiserIds == null) {
            return catalog.advertisers().stream().map(Advertiser::id).toList();
        }
        List<String> ids = new ArrayList<>();
        advertiserIds.forEach(value -> Arrays.stream(value.split(",")).map(String::trim)
                .filter(id -> !id.isEmpty() && !ids.contains(id)).forEach(ids::add));
        return ids;
    }

    private String problemWith(String appId, String redirectUri) {
        if (appId == null || !app.knows(appId)) {
            return "Unknown app_id. The app is not registered with TikTok for Business.";
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            return "redirect_uri is required.";
        }
        try {
            URI uri = URI.create(redirectUri);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && uri.getFragment() == null ? null
                    : "redirect_uri must be an absolute http(s) URI without a fragment.";
        } catch (IllegalArgumentException malformed) {
            return "redirect_uri is not a valid URI.";
        }
    }

    private static URI withQuery(String redirectUri, Map<String, String> query) {
        String parameters = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(redirectUri + (redirectUri.contains("?") ? "&" : "?") + parameters);
    }

    private static ResponseEntity<String> badRequest(String message) {
        return html(HttpStatus.BAD_REQUEST, ConsentPage.error(message));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(body);
    }
}
