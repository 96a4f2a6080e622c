package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Thresholds of the pacing judgement; see {@link PacingAssessment} for how each is used.
 *
 * @param tolerance relative half-width of the pacing band at local midnight (0.25 = ±25 %)
 * @param minToleranceFactor lower bound of the narrowing factor, so the band never collapses to nothing
 * @param minSpend floor in account currency below which pacing is not judged
 */
public record PacingSettings(BigDecimal tolerance, BigDecimal minToleranceFactor, BigDecimal minSpend) {

    public PacingSettings {
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(minToleranceFactor, "minToleranceFactor");
        Objects.requireNonNull(minSpend, "minSpend");
    }

    /** The defaults: ±25 % narrowing to no less than a quarter of that, and a floor of 10. */
    public static PacingSettings defaults() {
        return new PacingSettings(new BigDecimal("0.25"), new BigDecimal("0.25"), BigDecimal.TEN);
    }
}
