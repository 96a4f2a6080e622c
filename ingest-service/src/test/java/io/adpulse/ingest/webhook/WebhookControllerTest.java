package io.adpulse.ingest.webhook;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The endpoint's answers when what is behind it fails (its happy paths: WebhookEndpointTest). */
class WebhookControllerTest {

    @Test
    void answers503ProblemWithRetryAfterWhenTheInboxDatabaseCannotBeReached() {
        WebhookService webhooks = mock(WebhookService.class);
        when(webhooks.receive(any(), any())).thenReturn(Mono.error(
                new DataAccessResourceFailureException("Failed to obtain R2DBC Connection")));
        WebTestClient client = WebTestClient.bindToController(new WebhookController(webhooks,
                new WebhookSettings("app", List.of("secret"), Duration.ofMinutes(5), 65_536))).build();

        client.post().uri(WebhookController.PATH).header(SignatureVerifier.HEADER, "t=1,s=00")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.reason").isEqualTo("inbox_unavailable")
                .jsonPath("$.detail").isNotEmpty();
    }
}
