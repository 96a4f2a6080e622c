package io.adpulse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the gateway exposes × every role, and anonymous callers, against stand-in services: who passes, who
 * gets 401 and who gets 403. A route added to the gateway's route configuration, or an endpoint the gateway answers
 * itself, that this matrix does not list fails the test, so a new route cannot go unreviewed.
 *
 * <p>"Passes" means the gateway forwarded the request: the stand-in echoes (200), except ingest-service, which is
 * down in these tests (the gateway's own 503). What the service then allows (a CLIENT writing a brand is a 403 of
 * reporting-service, a CLIENT asking for another client's advertiser a 404) is each service's own matrix test.
 */
class AccessMatrixTest extends GatewayTestBase {

    /** A caller of the matrix: a signed-in role, or nobody. */
    enum Caller {
        ADMIN("admin"), OPERATOR("olivia"), ONCALL("oscar"), AUDITOR("aude"), CLIENT("clara"), ANONYMOUS(null);

        final String user;

        Caller(String user) {
            this.user = user;
        }
    }

    private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);
    private static final Set<Caller> RESPONDERS = EnumSet.of(Caller.ADMIN, Caller.OPERATOR, Caller.ONCALL);
    private static final Set<Caller> AUDITORS = EnumSet.of(Caller.ADMIN, Caller.AUDITOR);
    private static final Set<Caller> WRITERS = EnumSet.of(Caller.ADMIN, Caller.OPERATOR);
    private static final Set<Caller> STAFF = EnumSet.of(Caller.ADMIN, Caller.OPERATOR, Caller.ONCALL, Caller.AUDITOR);

    /** One request of the matrix, the gateway route it goes through ({@code gateway} when answered by the gateway) and who passes. */
    record Entry(String route, HttpMethod method, String path, Set<Caller> allowed, int passes) {

        Entry(String route, HttpMethod method, String path, Set<Caller> allowed) {
            this(route, method, path, allowed, 0);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Entry> MATRIX = List.of(
            // gateway's own endpoints
            new Entry("gateway", HttpMethod.GET, "/api/session", SIGNED_IN),
            new Entry("gateway", HttpMethod.GET, "/", SIGNED_IN),
            new Entry("gateway", HttpMethod.GET, "/login", EVERYONE),
            new Entry("gateway", HttpMethod.GET, "/assets/app.js", EVERYONE),
            new Entry("gateway", HttpMethod.GET, "/publish.html", SIGNED_IN),
            new Entry("gateway", HttpMethod.GET, "/assets/publish.js", EVERYONE),
            new Entry("gateway", HttpMethod.GET, "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", SIGNED_IN),
            new Entry("gateway", HttpMethod.GET, "/actuator/health", EVERYONE),
            new Entry("gateway", HttpMethod.GET, "/actuator/prometheus", EVERYONE),
            new Entry("gateway", HttpMethod.GET, "/api/privacy/exports/c-1?accountId=a", ADMINS),
            // writes to TikTok: passing callers reach the command checks (400: no Idempotency-Key)
            new Entry("gateway", HttpMethod.POST, "/api/commands", EnumSet.of(Caller.ADMIN, Caller.OPERATOR), 400),
            // auth-service
            new Entry("auth", HttpMethod.GET, "/api/auth/connections", SIGNED_IN),
            new Entry("auth", HttpMethod.GET, "/api/auth/connections/c-1", SIGNED_IN),
            new Entry("auth", HttpMethod.DELETE, "/api/auth/connections/c-1", ADMINS),
            new Entry("auth", HttpMethod.POST, "/api/auth/connections/c-1/refresh", ADMINS),
            new Entry("auth", HttpMethod.GET, "/api/auth/connections/tiktok-business/start", ADMINS),
            new Entry("auth", HttpMethod.GET, "/api/auth/connections/tiktok-creator/start", ADMINS),
            new Entry("auth", HttpMethod.GET, "/api/auth/oauth/tiktok-business/callback", SIGNED_IN),
            new Entry("auth", HttpMethod.GET, "/api/auth/oauth/tiktok-creator/callback", SIGNED_IN),
            new Entry("auth", HttpMethod.GET, "/api/auth/admin/keys", ADMINS),
            new Entry("auth", HttpMethod.POST, "/api/auth/admin/keys/rotate", ADMINS),
            new Entry("auth", HttpMethod.POST, "/api/auth/privacy/erasures", ADMINS),
            new Entry("auth", HttpMethod.GET, "/api/auth/privacy/erasures/e-1", ADMINS),
            // ingest-service
            new Entry("ingest", HttpMethod.GET, "/api/ingest/connections", SIGNED_IN),
            new Entry("ingest", HttpMethod.GET, "/api/ingest/connections/c-1", SIGNED_IN),
            new Entry("ingest", HttpMethod.POST, "/api/ingest/connections/c-1/sync", ADMINS),
            new Entry("ingest", HttpMethod.GET, "/api/ingest/commands", SIGNED_IN),
            new Entry("ingest", HttpMethod.GET, "/api/ingest/commands/cmd-1", SIGNED_IN),
            // ingest-service: publishing and comment triage (creators' data; writes are commands)
            new Entry("ingest", HttpMethod.POST, "/api/ingest/media?fileName=clip.mp4", WRITERS),
            new Entry("ingest", HttpMethod.GET, "/api/ingest/media/m-1", STAFF),
            new Entry("ingest", HttpMethod.GET, "/api/ingest/creators/c-1/creator-info", STAFF),
            new Entry("ingest", HttpMethod.GET, "/api/ingest/creators/c-1/avatar", STAFF),
            new Entry("ingest", HttpMethod.GET, "/api/ingest/publishes", STAFF),
            new Entry("ingest", HttpMethod.GET, "/api/ingest/publishes/cmd-1", STAFF),
            new Entry("ingest", HttpMethod.GET, "/api/ingest/comments?status=NEW", STAFF),
            new Entry("webhooks", HttpMethod.POST, "/webhooks/tiktok", EVERYONE),
            // reporting-service: reads
            new Entry("reporting", HttpMethod.GET, "/api/reporting/advertisers", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/campaigns/daily?advertiserId=a", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/timeseries?advertiserId=a", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/overview?advertiserId=a", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/top?advertiserId=a", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/spend", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/pacing", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/rollups", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/organic/videos", STAFF),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/organic/overview", STAFF),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/clients", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/clients/c-1", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/brands", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/brands/b-1", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/reports", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/reports/r-1.html", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/reports/r-1.csv", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/fx-rates", SIGNED_IN),
            new Entry("reporting", HttpMethod.GET, "/api/reporting/openapi.yaml", SIGNED_IN),
            // reporting-service: writes pass the gateway for every role; the service checks ADMIN or OPERATOR
            new Entry("reporting", HttpMethod.POST, "/api/reporting/clients", SIGNED_IN),
            new Entry("reporting", HttpMethod.PUT, "/api/reporting/clients/c-1", SIGNED_IN),
            new Entry("reporting", HttpMethod.DELETE, "/api/reporting/clients/c-1", SIGNED_IN),
            new Entry("reporting", HttpMethod.POST, "/api/reporting/brands", SIGNED_IN),
            new Entry("reporting", HttpMethod.PUT, "/api/reporting/brands/b-1", SIGNED_IN),
            new Entry("reporting", HttpMethod.DELETE, "/api/reporting/brands/b-1", SIGNED_IN),
            new Entry("reporting", HttpMethod.PUT, "/api/reporting/brands/b-1/advertisers/a", SIGNED_IN),
            new Entry("reporting", HttpMethod.DELETE, "/api/reporting/brands/b-1/advertisers/a", SIGNED_IN),
            new Entry("reporting", HttpMethod.POST, "/api/reporting/reports", SIGNED_IN),
            new Entry("reporting", HttpMethod.PUT, "/api/reporting/fx-rates", SIGNED_IN),
            // alerting-service
            new Entry("alerting", HttpMethod.GET, "/api/alerting/alerts", SIGNED_IN),
            new Entry("alerting", HttpMethod.POST, "/api/alerting/alerts/f-1/ack", RESPONDERS),
            new Entry("alerting", HttpMethod.GET, "/api/alerting/deliveries", STAFF),
            new Entry("alerting", HttpMethod.POST, "/api/alerting/deliveries/d-1/retry", RESPONDERS),
            new Entry("alerting", HttpMethod.GET, "/api/alerting/silences", STAFF),
            new Entry("alerting", HttpMethod.GET, "/api/alerting/silences/s-1", STAFF),
            new Entry("alerting", HttpMethod.POST, "/api/alerting/silences", RESPONDERS),
            new Entry("alerting", HttpMethod.DELETE, "/api/alerting/silences/s-1", RESPONDERS),
            new Entry("alerting", HttpMethod.GET, "/api/alerting/config", STAFF),
            new Entry("alerting", HttpMethod.GET, "/api/alerting/config/history", STAFF),
            new Entry("alerting", HttpMethod.PUT, "/api/alerting/config", ADMINS),
            // audit-service
            new Entry("audit", HttpMethod.GET, "/api/audit/events", AUDITORS),
            new Entry("audit", HttpMethod.GET, "/api/audit/head", AUDITORS),
            new Entry("audit", HttpMethod.GET, "/api/audit/verify", AUDITORS),
            // identity-service: user management
            new Entry("identity", HttpMethod.GET, "/api/identity/users", ADMINS),
            new Entry("identity", HttpMethod.POST, "/api/identity/users/invitations", ADMINS),
            new Entry("identity", HttpMethod.POST, "/api/identity/users/u-1/disable", ADMINS),
            // identity-service: its sign-in pages and OIDC endpoints, for browsers and token clients
            new Entry("identity-sign-in", HttpMethod.GET, "/idp/login", EVERYONE),
            new Entry("identity-sign-in", HttpMethod.GET, "/idp/.well-known/openid-configuration", EVERYONE),
            new Entry("identity-sign-in", HttpMethod.POST, "/idp/oauth2/token", EVERYONE));

    /** What the gateway answers itself, by the paths it maps; every one must be in the matrix. */
    private static final Set<String> GATEWAY_HANDLERS = Set.of("/api/session", "/login",
            "/api/privacy/exports/{connectionId}", "/api/commands");

    @Autowired
    RouteLocator routes;

    @Autowired
    ApplicationContext context;

    @Test
    void listsEveryRouteOfTheRouteConfiguration() {
        Set<String> configured = routes.getRoutes().map(Route::getId).collect(Collectors.toCollection(TreeSet::new))
                .block();
        Set<String> listed = MATRIX.stream().map(Entry::route).filter(r -> !r.equals("gateway"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(configured).as("gateway routes; add the new route's endpoints to the matrix").isEqualTo(listed);
    }

    @Test
    void listsEveryEndpointTheGatewayAnswersItself() {
        Set<String> mapped = new TreeSet<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().keySet()
                .forEach(info -> info.getPatternsCondition().getPatterns().forEach(p -> mapped.add(p.getPatternString())));
        // functional endpoints have no enumerable paths: count them, and name each one's path below
        assertThat(context.getBeansOfType(RouterFunction.class)).as("functional endpoints").hasSize(1);
        mapped.add("/login");
        assertThat(mapped).as("endpoints the gateway answers itself").isEqualTo(GATEWAY_HANDLERS);
        Set<String> listed = MATRIX.stream().filter(e -> e.route().equals("gateway")).map(Entry::path)
                .map(path -> path.startsWith("/api/privacy/exports/") ? "/api/privacy/exports/{connectionId}" : path)
                .collect(Collectors.toSet());
        assertThat(listed).containsAll(GATEWAY_HANDLERS);
    }

    @Test
    void decidesEveryRouteForEveryRole() {
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Entry entry : MATRIX) {
            assertThat(seen.add(entry.toString())).as("listed twice: " + entry).isTrue();
            for (Caller caller : Caller.values()) {
                int expected = expected(entry, caller);
                int actual = call(entry, caller);
                if (actual != expected) {
                    wrong.add(caller + " " + entry + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertThat(wrong).as("decisions that differ from the matrix").isEmpty();
    }

    /**
     * 200 (or ingest's 503) when the caller passes. Otherwise a role gets 403; an anonymous caller 401 on a safe API
     * call, 403 on an unsafe one (it carries no credentials of its own, so the CSRF check refuses it first) and a
     * redirect to the sign-in page for pages.
     */
    private static int expected(Entry entry, Caller caller) {
        if (entry.allowed().contains(caller)) {
            if (entry.passes() != 0) {
                return entry.passes();
            }
            return entry.route().equals("ingest") || entry.route().equals("webhooks") ? 503 : 200;
        }
        if (caller == Caller.ANONYMOUS) {
            if (entry.method() != HttpMethod.GET) {
                return 403;
            }
            return entry.path().startsWith("/api/") ? 401 : 302;
        }
        return 403;
    }

    private int call(Entry entry, Caller caller) {
        return web.method(entry.method()).uri(entry.path())
                .headers(h -> {
                    if (caller.user != null) {
                        h.setBasicAuth(caller.user, PASSWORD);
                    }
                })
                .accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.ALL)
                .exchange()
                .returnResult(byte[].class).getStatus().value();
    }
}
