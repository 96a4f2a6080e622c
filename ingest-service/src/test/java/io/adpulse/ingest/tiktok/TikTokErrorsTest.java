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

    @ParameterizedTest(name = "HTTP {0} retryable={1}")
    @CsvSource({"503, true", "500, true", "429, true", "404, false", "400, false"})
    void mapsHttpStatuses(int status, boolean retryable) {
        TikTokApiException failure = TikTokErrors.forHttpStatus("/report/integrated/get/", status, null, java.time.Instant.now());

        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.code()).isEqualTo(TikTokApiException.NO_CODE);
    }
}
