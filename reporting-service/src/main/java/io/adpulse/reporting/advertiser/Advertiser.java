package io.adpulse.reporting.advertiser;

/**
 * A known advertiser. {@code name}, {@code status} and {@code deleted} are {@code null} until its
 * advertiser entity has been observed; {@code timeZone} names the zone its report dates are local to.
 */
public record Advertiser(String advertiserId, String name, String status, Boolean deleted, String timeZone,
        String currency) {
}
