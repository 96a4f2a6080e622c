package io.adpulse.gateway.security;

import io.adpulse.gateway.access.AccessLogFilter;
import io.adpulse.gateway.config.GatewaySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URI;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may pass. Every {@code /api/**} call needs a signed-in operator: a browser session (through the OIDC provider
 * when {@code adpulse.gateway.oidc.issuer-uri} is set, and/or form login of local users) or, for scripts, a bearer
 * JWT from that provider or HTTP Basic of a local user. Anonymous API calls get a 401 problem, anonymous page views
 * the sign-in. The embedded provider's own pages under {@code /idp/} pass untouched (see {@link IdpSignInRoute}).
 * CSRF protection applies to browser sessions (cookie-borne credentials); a request that carries its
 * own {@code Authorization} header has no ambient credential to forge and is exempt, as is TikTok's webhook
 * endpoint, which is public and carries its own signature.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    static final String ROLE_ADMIN = "ADMIN";
    /** TikTok's webhook endpoint: public, signed by TikTok, no browser session and so no CSRF token. */
    static final String WEBHOOKS = "/webhooks/tiktok";
    /** Video uploads for posting (ingest-service): larger bodies than any other request. */
    static final String MEDIA = "/api/ingest/media";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService users(GatewaySettings settings, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (!settings.localUsers().enabled()) {
            // No local sign-in: an empty store would be refused, so keep one user nobody can sign in as.
            return new MapReactiveUserDetailsService(User.withUsername(settings.adminUsername())
                    .password("{noop}").disabled(true).roles(ROLE_ADMIN).build());
        }
        if (settings.adminPassword() == null || settings.adminPassword().isBlank()) {
            throw new IllegalStateException("adpulse.gateway.admin-password (ADPULSE_ADMIN_PASSWORD) is required while"
                    + " local users are enabled (adpulse.gateway.local-users.enabled)");
        }
        users.add(User.withUsername(settings.adminUsername()).password(encoded(settings.adminPassword(), encoder))
                .roles(ROLE_ADMIN).build());
        for (GatewaySettings.LocalUser user : settings.users()) {
            users.add(User.withUsername(user.username()).password(encoded(user.password(), encoder))
                    .roles(user.roles().stream().map(Enum::name).toArray(String[]::new)).build());
        }
        return new MapReactiveUserDetailsService(users);
    }

    private static String encoded(String password, PasswordEncoder encoder) {
        return password.startsWith("{") ? password : encoder.encode(password);
    }

    /**
     * Who may do what, by route. Reading dashboards and alerts is open to every signed-in role (services narrow
     * CLIENT users to their own advertisers); connecting and disconnecting TikTok accounts and key management are
     * for admins; acknowledging and silencing alerts for admins, operators and on-call staff; the alerting settings
     * (rules, overrides, routes, receivers) readable by staff and editable by admins; the audit log for admins and
     * auditors; an account's data export for admins.
     */
    private static void authorize(ServerHttpSecurity.AuthorizeExchangeSpec ex) {
        ex.pathMatchers("/login", "/logout", "/actuator/health/**", "/favicon.ico", "/assets/**").permitAll()
                // Starting and finishing the OIDC sign-in.
                .pathMatchers("/oauth2/authorization/**", "/login/oauth2/code/**").permitAll()
                .pathMatchers("/api/identity/**").hasRole("ADMIN")
                // Scraped by Prometheus without credentials; block /actuator/** at the ingress (docs/OPERATIONS.md).
                .pathMatchers("/actuator/prometheus").permitAll()
                // TikTok posts webhooks without sign-in; ingest-service verifies their signature.
                .pathMatchers(HttpMethod.POST, WEBHOOKS).permitAll()
                .pathMatchers("/api/audit/**").hasAnyRole("ADMIN", "AUDITOR")
                // The alerting rules, overrides, routes and receivers: edited by admins, read by staff.
                .pathMatchers(HttpMethod.PUT, "/api/alerting/config").hasRole("ADMIN")
                // The single data export of an account, answered by the gateway itself (io.adpulse.gateway.privacy).
                .pathMatchers("/api/privacy/**").hasRole("ADMIN")
                // Writes to TikTok (io.adpulse.gateway.command): operators and admins only.
                .pathMatchers("/api/commands", "/api/commands/**").hasAnyRole("ADMIN", "OPERATOR")
                // Operators' tools and creators' data: not for CLIENT users (the services refuse them too).
                .pathMatchers(HttpMethod.GET, "/api/alerting/deliveries/**", "/api/alerting/silences/**",
                        "/api/alerting/config", "/api/alerting/config/**", "/api/reporting/organic/**")
                .hasAnyRole("ADMIN", "OPERATOR", "ONCALL", "AUDITOR")
                // Publishing and comment triage: creators' data, for staff; uploading a video for operators and admins
                // (posting, replying, hiding, assigning go through /api/commands).
                .pathMatchers(HttpMethod.POST, MEDIA).hasAnyRole("ADMIN", "OPERATOR")
                .pathMatchers(HttpMethod.GET, "/api/ingest/creators/**", "/api/ingest/publishes", "/api/ingest/publishes/**",
                        "/api/ingest/comments", "/api/ingest/comments/**", "/api/ingest/media/**")
                .hasAnyRole("ADMIN", "OPERATOR", "ONCALL", "AUDITOR")
                .pathMatchers("/api/auth/connections/*/start", "/api/auth/admin/**", "/api/auth/privacy/**").hasRole("ADMIN")
                .pathMatchers(HttpMethod.DELETE, "/api/auth/**").hasRole("ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/auth/**", "/api/ingest/**").hasRole("ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/alerting/**").hasAnyRole("ADMIN", "OPERATOR", "ONCALL")
                .pathMatchers(HttpMethod.DELETE, "/api/alerting/**").hasAnyRole("ADMIN", "OPERATOR", "ONCALL")
                .anyExchange().authenticated();
    }

    @Bean
    RequestLimits requestLimits(GatewaySettings settings) {
        return new RequestLimits(settings.limits());
    }

    /**
     * The embedded identity provider's pages and endpoints ({@code /idp/**}): public, with the provider's own CSRF
     * protection, client authentication and headers; only the per-address rate limit applies here.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain identityProvider(ServerHttpSecurity http, RequestLimits limits) {
        return http
                .securityMatcher(new PathPatternParserServerWebExchangeMatcher(IdpSignInRoute.PREFIX + "**"))
                .authorizeExchange(ex -> ex.anyExchange().permitAll())
                .addFilterAt(limits.byClientAddress(), SecurityWebFiltersOrder.FIRST)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain security(ServerHttpSecurity http, GatewaySettings settings, RequestLimits limits,
            Optional<ReactiveClientRegistrationRepository> registrations) {
        ServerWebExchangeMatcher api = new PathPatternParserServerWebExchangeMatcher("/api/**");
        boolean local = settings.localUsers().enabled();
        GatewaySettings.Oidc oidc = settings.oidc();
        ServerAuthenticationEntryPoint apiEntryPoint = (exchange, e) -> problem(exchange.getResponse(),
                HttpStatus.UNAUTHORIZED, "Sign in first: this API needs an authenticated operator.", local);
        ServerAccessDeniedHandler denied = (exchange, e) -> problem(exchange.getResponse(), HttpStatus.FORBIDDEN,
                "Your role does not allow this request.", false);
        String signIn = oidc.enabled() && !local ? "/oauth2/authorization/" + OidcSignIn.REGISTRATION_ID : "/login";
        if (local) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                    .formLogin(form -> form.loginPage("/login"));
        } else {
            http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                    .formLogin(ServerHttpSecurity.FormLoginSpec::disable);
        }
        ServerLogoutSuccessHandler loggedOut = loggedOut();
        if (oidc.enabled()) {
            OidcSignIn sso = new OidcSignIn(oidc);
            ReactiveClientRegistrationRepository clients = registrations.orElseThrow();
            http.oauth2Login(login -> login.clientRegistrationRepository(clients))
                    .oauth2ResourceServer(rs -> rs
                            .jwt(jwt -> jwt.jwtDecoder(sso.jwtDecoder()).jwtAuthenticationConverter(sso::authentication))
                            .authenticationEntryPoint(apiEntryPoint)
                            .accessDeniedHandler(denied));
            OidcClientInitiatedServerLogoutSuccessHandler rpLogout =
                    new OidcClientInitiatedServerLogoutSuccessHandler(clients);
            rpLogout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            rpLogout.setLogoutSuccessUrl(URI.create("/login?logout"));
            loggedOut = rpLogout;
        }
        ServerLogoutSuccessHandler logoutSuccess = loggedOut;
        return http
                .authorizeExchange(SecurityConfig::authorize)
                .addFilterAt(limits.byClientAddress(), SecurityWebFiltersOrder.FIRST)
                .addFilterAfter(AccessLogFilter.principalCapture(), SecurityWebFiltersOrder.SECURITY_CONTEXT_SERVER_WEB_EXCHANGE)
                .addFilterAfter(limits.byUser(), SecurityWebFiltersOrder.SECURITY_CONTEXT_SERVER_WEB_EXCHANGE)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess))
                .csrf(csrf -> csrf
                        // a refused CSRF check is a problem with the reason, not Spring Security's bare "Access Denied"
                        .accessDeniedHandler((exchange, e) -> problem(exchange.getResponse(), HttpStatus.FORBIDDEN,
                                "This request changes state but carries neither credentials (Authorization) nor the"
                                        + " XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.", false))
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(exchange -> {
                            HttpMethod method = exchange.getRequest().getMethod();
                            boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD
                                    || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE;
                            boolean ownCredentials = exchange.getRequest().getHeaders()
                                    .containsHeader(HttpHeaders.AUTHORIZATION)
                                    || WEBHOOKS.equals(exchange.getRequest().getPath().pathWithinApplication().value());
                            return safe || ownCredentials ? ServerWebExchangeMatcher.MatchResult.notMatch()
                                    : ServerWebExchangeMatcher.MatchResult.match();
                        }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(new DelegatingServerAuthenticationEntryPoint(
                                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(api, apiEntryPoint),
                                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(e -> ServerWebExchangeMatcher.MatchResult.match(),
                                        new RedirectServerAuthenticationEntryPoint(signIn))))
                        .accessDeniedHandler(denied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** The OIDC provider's registration, discovered on first use; only when an issuer is configured. */
    @Bean
    @ConditionalOnExpression("!'${adpulse.gateway.oidc.issuer-uri:}'.isBlank()")
    ReactiveClientRegistrationRepository clientRegistrations(GatewaySettings settings) {
        return new OidcSignIn(settings.oidc()).registrations();
    }

    /** Browser users from the OIDC provider get their Adpulse roles and client id from the configured claims. */
    @Bean
    @ConditionalOnExpression("!'${adpulse.gateway.oidc.issuer-uri:}'.isBlank()")
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(GatewaySettings settings) {
        return new OidcSignIn(settings.oidc()).users();
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Secure unless configured off for plain-http local use. */
    @Bean
    WebSessionIdResolver webSessionIdResolver(GatewaySettings settings) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(settings.cookieSecure()));
        return resolver;
    }

    private static ServerLogoutSuccessHandler loggedOut() {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create("/login?logout"));
        return handler;
    }

    /**
     * Makes the CSRF token materialise on every response, so the UI can read the {@code XSRF-TOKEN} cookie
     * and echo it in the {@code X-XSRF-TOKEN} header of its first unsafe request.
     */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    /** Writes an RFC 9457 problem with a plain reason; never internals. */
    static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String detail, boolean challenge) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (challenge) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Adpulse\"");
        } else if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Adpulse\"");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        byte[] json = JSON.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }
}
