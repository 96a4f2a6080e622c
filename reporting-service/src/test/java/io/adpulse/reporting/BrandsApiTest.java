package io.adpulse.reporting;

import static io.adpulse.events.EntityLevel.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The admin API of clients and brands (roles, validation, problems) and the advertiser assignments.
 */
public class BrandsApiTest extends ReportingServiceTest {

    private static final Instant T1 = Instant.parse("2025-05-07T06:00:00Z");
    private static final String KNOWN = TestIds.next();
    private static final String OTHER = TestIds.next();
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private static boolean observed;

    @BeforeEach
    void observeTwoAdvertisers() {
        if (observed) {
            return;
        }
        observed = true;
        kafka.publish(Observations.advertiser(KNOWN, "Known", "Europe/Paris", "EUR", T1));
        kafka.publish(Observations.daily(CAMPAIGN, OTHER, TestIds.next(), "2025-05-01", "UTC", "USD", T1, List.of(),
                "spend", "1"));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);
    }

    public static String unique(String name) {
        return name + " " + TestIds.next();
    }

    private WebTestClient.RequestBodySpec as(WebTestClient.RequestBodySpec spec, String roles) {
        return spec.header("X-Adpulse-Actor", "alice").header("X-Adpulse-Roles", roles);
    }

    /** Creates a client as an admin and returns its id. */
    public static String createClient(WebTestClient web, String name) {
        return (String) web.post().uri("/api/reporting/clients")
                .header("X-Adpulse-Actor", "alice").header("X-Adpulse-Roles", "ADMIN")
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("clientId");
    }

    /** Creates a brand of the client as an admin and returns its id. */
    public static String createBrand(WebTestClient web, String clientId, String name) {
        return (String) web.post().uri("/api/reporting/brands")
                .header("X-Adpulse-Actor", "alice").header("X-Adpulse-Roles", "ADMIN")
                .bodyValue(Map.of("clientId", clientId, "name", name))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("brandId");
    }

    /** Assigns the advertiser to the brand as an admin. */
    public static void assign(WebTestClient web, String brandId, String advertiserId) {
        web.put().uri("/api/reporting/brands/{b}/advertisers/{a}", brandId, advertiserId)
                .header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void anAdminCreatesRenamesListsAndDeletesAClientRecordingWhoDidIt() {
        String name = unique("Acme");
        String id = (String) as(web.post().uri("/api/reporting/clients"), "VIEWER, admin")
                .bodyValue(Map.of("name", "  " + name + " "))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", v -> assertThat(v).startsWith("/api/reporting/clients/"))
                .expectBody(Map.class).returnResult().getResponseBody().get("clientId");

        web.get().uri("/api/reporting/clients/{id}", id)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo(name)
                .jsonPath("$.brandIds").isEmpty()
                .jsonPath("$.createdBy").isEqualTo("alice")
                .jsonPath("$.createdAt").isNotEmpty();

        String renamed = unique("Acme Corp");
        web.put().uri("/api/reporting/clients/{id}", id)
                .header("X-Adpulse-Actor", "bob").header("X-Adpulse-Roles", "ADMIN")
                .bodyValue(Map.of("name", renamed))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo(renamed)
                .jsonPath("$.createdBy").isEqualTo("alice")
                .jsonPath("$.updatedBy").isEqualTo("bob");

        web.get().uri("/api/reporting/clients")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.clients[?(@.clientId == '" + id + "')].name").isEqualTo(List.of(renamed));

        web.delete().uri("/api/reporting/clients/{id}", id).header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/reporting/clients/{id}", id)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.detail").isEqualTo("client '" + id + "' does not exist");
    }

    @Test
    void changesWithoutTheAdminRoleAreForbiddenProblems() {
        String id = createClient(web, unique("Guarded"));
        for (String roles : new String[] {null, "", "OPERATOR,VIEWER"}) {
            WebTestClient.RequestBodySpec post = web.post().uri("/api/reporting/clients");
            if (roles != null) {
                post.header("X-Adpulse-Roles", roles);
            }
            post.bodyValue(Map.of("name", unique("Nope")))
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(PROBLEM)
                    .expectBody().jsonPath("$.detail")
                    .isEqualTo("this operation needs the role ADMIN (header X-Adpulse-Roles)");
        }
        web.put().uri("/api/reporting/clients/{id}", id).header("X-Adpulse-Roles", "OPERATOR")
                .exchange().expectStatus().isForbidden();
        web.delete().uri("/api/reporting/clients/{id}", id).header("X-Adpulse-Roles", "OPERATOR")
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/reporting/brands").header("X-Adpulse-Roles", "VIEWER")
                .bodyValue(Map.of("clientId", id, "name", "x"))
                .exchange().expectStatus().isForbidden();
        String brand = createBrand(web, id, unique("Shield"));
        web.put().uri("/api/reporting/brands/{b}/advertisers/{a}", brand, KNOWN).header("X-Adpulse-Roles", "VIEWER")
                .exchange().expectStatus().isForbidden();
        web.delete().uri("/api/reporting/brands/{b}", brand)
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/reporting/clients/{id}", id).exchange().expectStatus().isOk();
    }

    @Test
    void badClientAndBrandInputIsABadRequestProblemNamingTheField() {
        expectBadRequest(as(web.post().uri("/api/reporting/clients"), "ADMIN").bodyValue(Map.of("name", "   ")),
                "'name' is required and must not be blank");
        expectBadRequest(as(web.post().uri("/api/reporting/clients"), "ADMIN").bodyValue(Map.of("name",
                "x".repeat(201))), "'name' must be at most 200 characters");
        expectBadRequest(as(web.post().uri("/api/reporting/clients"), "ADMIN").bodyValue(Map.of("name", "a\u0007b")),
                "'name' must not contain control characters");
        as(web.post().uri("/api/reporting/clients"), "ADMIN").contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.detail").isEqualTo("a JSON request body is required");
        as(web.post().uri("/api/reporting/clients"), "ADMIN").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM);
        expectBadRequest(as(web.post().uri("/api/reporting/brands"), "ADMIN").bodyValue(Map.of("name", "n")),
                "'clientId' is required");
        as(web.post().uri("/api/reporting/brands"), "ADMIN").bodyValue(Map.of("clientId", "nope", "name", "n"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("client 'nope' does not exist");
    }

    @Test
    void namesAreUniqueIgnoringCaseClientsWithBrandsStayAndDeletingABrandReleasesItsAdvertisers() {
        String name = unique("Globex");
        String client = createClient(web, name);
        as(web.post().uri("/api/reporting/clients"), "ADMIN").bodyValue(Map.of("name", name.toUpperCase()))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.detail").isEqualTo("a client named '" + name.toUpperCase()
                        + "' already exists");

        String brand = createBrand(web, client, "Soap");
        as(web.post().uri("/api/reporting/brands"), "ADMIN").bodyValue(Map.of("clientId", client, "name", "SOAP"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").isEqualTo("client '" + client
                        + "' already has a brand named 'SOAP'");
        String otherClient = createClient(web, unique("Initech"));
        createBrand(web, otherClient, "Soap");

        web.delete().uri("/api/reporting/clients/{id}", client).header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").isEqualTo("client '" + client
                        + "' still has 1 brand(s); delete or move them first");

        assign(web, brand, KNOWN);
        web.delete().uri("/api/reporting/brands/{id}", brand).header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/reporting/brands/{id}", brand).exchange().expectStatus().isNotFound();
        web.delete().uri("/api/reporting/brands/{id}", brand).header("X-Adpulse-Roles", "ADMIN")
                .exchange().expectStatus().isNotFound();
        String again = createBrand(web, otherClient, "Detergent");
        assign(web, again, KNOWN);
        web.delete().uri("/api/reporting/clients/{id}", client).header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void aBrandIsRenamedMovedToAnotherClientAndListedPerClient() {
        String first = createClient(web, unique("Umbrella"));
        String second = createClient(web, unique("Cyberdyne"));
        String brand = createBrand(web, first, "Rain");

        web.get().uri("/api/reporting/brands?clientId={c}", first)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.brands[*].brandId").isEqualTo(List.of(brand))
                .jsonPath("$.brands[0].clientId").isEqualTo(first)
                .jsonPath("$.brands[0].advertiserIds").isEmpty();
        web.get().uri("/api/reporting/clients/{c}", first)
                .exchange()
                .expectBody().jsonPath("$.brandIds").isEqualTo(List.of(brand));

        as(web.put().uri("/api/reporting/brands/{b}", brand), "ADMIN")
                .bodyValue(Map.of("clientId", second, "name", "Storm"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Storm")
                .jsonPath("$.clientId").isEqualTo(second);
        web.get().uri("/api/reporting/brands?clientId={c}", first)
                .exchange()
                .expectBody().jsonPath("$.brands").isEmpty();
        web.get().uri("/api/reporting/brands?clientId=missing")
                .exchange()
                .expectStatus().isNotFound();
        as(web.put().uri("/api/reporting/brands/{b}", brand), "ADMIN")
                .bodyValue(Map.of("clientId", "missing", "name", "Storm"))
                .exchange()
                .expectStatus().isNotFound();
        as(web.put().uri("/api/reporting/brands/missing"), "ADMIN")
                .bodyValue(Map.of("clientId", second, "name", "Storm"))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anAdvertiserIsAssignedToOneBrandOnlyAndUnassigned() {
        String client = createClient(web, unique("Stark"));
        String brand = createBrand(web, client, "Suits");
        String rival = createBrand(web, client, "Reactors");

        for (int i = 0; i < 2; i++) {
            web.put().uri("/api/reporting/brands/{b}/advertisers/{a}", brand, OTHER)
                    .header("X-Adpulse-Roles", "ADMIN")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.advertiserIds").isEqualTo(List.of(OTHER));
        }
        web.put().uri("/api/reporting/brands/{b}/advertisers/{a}", rival, OTHER)
                .header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").isEqualTo("advertiser '" + OTHER + "' already belongs to brand '"
                        + brand + "'; unassign it there first");
        web.put().uri("/api/reporting/brands/{b}/advertisers/404404", brand)
                .header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("advertiser '404404' is not known: no entity or metric of it has been observed");
        web.put().uri("/api/reporting/brands/missing/advertisers/{a}", OTHER)
                .header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isNotFound();

        web.delete().uri("/api/reporting/brands/{b}/advertisers/{a}", brand, OTHER)
                .header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.advertiserIds").isEmpty();
        web.delete().uri("/api/reporting/brands/{b}/advertisers/{a}", brand, OTHER)
                .header("X-Adpulse-Roles", "ADMIN")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("advertiser '" + OTHER + "' is not in brand '" + brand
                        + "'");
        assign(web, rival, OTHER);
        web.get().uri("/api/reporting/brands/{b}", rival)
                .exchange()
                .expectBody().jsonPath("$.advertiserIds").isEqualTo(List.of(OTHER));
    }

    private static void expectBadRequest(WebTestClient.RequestHeadersSpec<?> request, String detail) {
        request.exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.detail").isEqualTo(detail);
    }
}
