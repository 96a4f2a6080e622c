package io.adpulse.sandbox.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.adpulse.sandbox.metrics.Pacing;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Test-only over-delivery (not TikTok's API): {@code POST /sandbox/pacing} makes a campaign (or every campaign of an
 * advertiser) deliver {@code factor} times its usual volume for the whole current local day, so that budget pacing
 * and overspend alerts have something to catch; {@code DELETE} returns every campaign to its usual delivery, past
 * hours included, as a TikTok restatement would.
 */
@RestController
class PacingController {

    /**
     * @param advertiserId the advertiser
     * @param campaignId   one of its campaigns, or null for all of them
     * @param factor       how many times the usual delivery (e.g. 5)
     */
    record PacingRequest(@JsonProperty("advertiser_id") String advertiserId,
                         @JsonProperty("campaign_id") String campaignId, Double factor) {
    }

    record Overpacing(@JsonProperty("advertiser_id") String advertiserId, List<String> campaigns, double factor) {
    }

    private final Pacing pacing;

    PacingController(Pacing pacing) {
        this.pacing = pacing;
    }

    @PostMapping("/sandbox/pacing")
    Mono<Overpacing> overpace(@RequestBody PacingRequest request) {
        return Mono.fromSupplier(() -> {
            String advertiserId = Problems.required("advertiser_id", request.advertiserId());
            if (request.factor() == null) {
                throw Problems.badRequest("factor is required, e.g. 5 for five times the usual delivery.");
            }
            try {
                return new Overpacing(advertiserId, pacing.overpace(advertiserId, request.campaignId(),
                        request.factor()), request.factor());
            } catch (IllegalArgumentException rejected) {
                throw Problems.badRequest(rejected.getMessage());
            }
        });
    }

    @DeleteMapping("/sandbox/pacing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> clear() {
        return Mono.fromRunnable(pacing::clear);
    }
}
