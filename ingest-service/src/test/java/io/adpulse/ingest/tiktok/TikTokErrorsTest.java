package io.adpulse.ingest.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.ingest.sync.TokenRejected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TikTokErrorsTest {

    @ParameterizedTest(name = "code {0} is {1}, retryable={2}")
    @CsvSource({
            "40100, TikTokRateLimitedException, true",
            "40133, TikTokRateLimitedException, true",
            "40016, TikTokRateLimitedException, true",
            "50000, TikTokServerException, true",
            "50002, TikTokServerException, true",
            "51004, TikTokServerException, true",
            "60001, TikTokServerException, true",
            "40105, TikTokTokenRejectedException, false",
            "40102, TikTokTokenRejectedException, false",
            "40114, TikTokTokenRejectedException, false",
            "40001, TikTokAuthorizationException, false",
            "40104, TikTokAuthorizationException, false",
            "40002, TikTokRequestException, false",
            "40067, TikTokRequestException, false"})
    void mapsTikTokCodesToTypedFailures(int code, String type, boolean retryable) {
        TikTokApiException failure = TikTokErrors.forCode("/campaign/get/", code, "message", "req-1");

        assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.getMessage()).contains("/campaign/get/", Integer.toString(code), "req-1");
        assertThat(failure instanceof TokenRejected).as("stops polling the connection")
                .isEqualTo(type.equals("TikTokTokenRejectedException"));
    }

    @ParameterizedTest(name = "Display API {0} (HTTP {1}) is {2} {3}, retryable={4}")
    @CsvSource({
            "access_token_invalid, 401, TikTokTokenRejectedException, 40105, false",
            "scope_not_authorized, 401, TikTokAuthorizationException, 40001, false",
            "scope_permission_missed, 400, TikTokAuthorizationException, 40001, false",
            "rate_limit_exceeded, 429, TikTokRateLimitedException, 40100, true",
            "invalid_params, 400, TikTokRequestException, 40002, false",
            "internal_error, 500, TikTokServerException, 50000, true",
            "something_new, 503, TikTokServerException, -1, true",
            "something_else, 403, TikTokRequestException, -1, false"})
    void mapsDisplayApiErrorsToTheirMarketingApiEquivalents(String error, int status, String type, int code,
            boolean retryable) {
        TikTokApiException failure = TikTokErrors.forDisplayError("/v2/video/list/", status, error, "message",
                "log-1", null, java.time.Instant.EPOCH);

        assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.requestId()).isEqualTo("log-1");
        assertThat(failure.getMessage()).contains("POST /v2/video/list/", error, "log-1");
        assertThat(failure instanceof TokenRejected).isEqualTo(code == 40105);
    }

    @ParameterizedTest(name = "HTTP {0} retryable={1}")
    @CsvSource({"503, true", "500, true", "429, true", "404, false", "400, false"})
    void mapsHttpStatuses(int status, boolean retryable) {
        TikTokApiException failure = TikTokErrors.forHttpStatus("/report/integrated/get/", status, null, java.time.Instant.now());

        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.code()).isEqualTo(TikTokApiException.NO_CODE);
    }
}
