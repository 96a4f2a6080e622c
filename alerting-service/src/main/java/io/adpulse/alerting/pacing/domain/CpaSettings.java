package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Targets of the {@code cpa-above-target} rule.
 *
 * @param targets target cost per conversion (account currency) per advertiser id
 * @param defaultTarget target of advertisers not in {@code targets}; null judges only those listed
 * @param minSpend spend (account currency) a campaign must reach on a day before its CPA is judged
 */
public record CpaSettings(Map<String, BigDecimal> targets, BigDecimal defaultTarget, BigDecimal minSpend) {

    public CpaSettings {
        targets = Map.copyOf(targets);
        Objects.requireNonNull(minSpend, "minSpend");
    }

    public Optional<BigDecimal> targetOf(String advertiserId) {
        return Optional.ofNullable(targets.getOrDefault(advertiserId, defaultTarget));
    }
}
