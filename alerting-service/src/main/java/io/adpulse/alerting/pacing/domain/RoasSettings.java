package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Targets of the {@code roas-below-target} rule.
 *
 * @param targets target ROAS (purchase value ÷ spend) per advertiser id
 * @param defaultTarget target of advertisers not in {@code targets}; null judges only those listed
 * @param minSpend spend (account currency) a campaign must reach on a day before its ROAS is judged
 */
public record RoasSettings(Map<String, BigDecimal> targets, BigDecimal defaultTarget, BigDecimal minSpend) {

    public RoasSettings {
        targets = Map.copyOf(targets);
        Objects.requireNonNull(minSpend, "minSpend");
    }

    public Optional<BigDecimal> targetOf(String advertiserId) {
        return Optional.ofNullable(targets.getOrDefault(advertiserId, defaultTarget));
    }
}
