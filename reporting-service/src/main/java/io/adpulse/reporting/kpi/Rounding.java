package io.adpulse.reporting.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * How reported numbers are rounded, once, at the end: money to the minor units of its currency (2 for
 * USD, 0 for JPY, 3 for KWD), ratios to {@value #RATIO_SCALE} decimals, both {@link RoundingMode#HALF_EVEN}
 * so that rounding errors do not drift one way over many rows. Sums and KPIs are computed from the stored,
 * unrounded values; only what is shown is rounded.
 */
public final class Rounding {

    /** Banker's rounding: halves go to the even neighbour. */
    public static final RoundingMode MODE = RoundingMode.HALF_EVEN;
    /** Decimals of a ratio (ROAS, CTR). */
    public static final int RATIO_SCALE = 4;
    /** Minor units used when a currency is not known or has none defined (ISO 4217 "XXX" and the like). */
    static final int DEFAULT_MINOR_UNITS = 2;

    private Rounding() {
    }

    /** Decimals of the currency's minor unit. */
    public static int minorUnits(String currency) {
        if (currency == null) {
            return DEFAULT_MINOR_UNITS;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? DEFAULT_MINOR_UNITS : digits;
        } catch (IllegalArgumentException unknownCode) {
            return DEFAULT_MINOR_UNITS;
        }
    }

    /** The amount rounded to the currency's minor units; {@code null} stays {@code null}. */
    public static BigDecimal money(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(minorUnits(currency), MODE);
    }

    /** numerator / denominator to {@code scale} decimals; {@code null} when an input is missing or the denominator is 0. */
    static BigDecimal divide(BigDecimal numerator, BigDecimal denominator, int scale) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, scale, MODE);
    }
}
