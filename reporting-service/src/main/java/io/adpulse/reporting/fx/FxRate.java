package io.adpulse.reporting.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A daily FX rate: on {@code date}, 1 {@code base} is worth {@code rate} {@code quote}. {@code source} is
 * {@code api} (entered through the admin API) or {@code configuration}.
 */
public record FxRate(LocalDate date, String base, String quote, BigDecimal rate, String source) {
}
