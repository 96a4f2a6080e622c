package io.adpulse.alerting.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules whose thresholds and targets admins may edit (globally and per advertiser, brand and campaign), with the
 * parameters of each and their allowed range. Parameters not listed here (the intraday curve's history, the anomaly's
 * {@code max-age}, stopped delivery and the API-health thresholds) come from the application configuration only.
 */
public final class RuleCatalog {

    public static final String DAILY_BUDGET_PACING = "daily-budget-pacing";
    public static final String LIFETIME_BUDGET_PACING = "lifetime-budget-pacing";
    public static final String ROAS_BELOW_TARGET = "roas-below-target";
    public static final String CPA_ABOVE_TARGET = "cpa-above-target";
    public static final String SPEND_ANOMALY = "spend-anomaly";

    public static final String TOLERANCE = "tolerance";
    public static final String MIN_TOLERANCE_FACTOR = "min-tolerance-factor";
    public static final String MIN_SPEND = "min-spend";
    public static final String TARGET = "target";
    public static final String HISTORY_DAYS = "history-days";
    public static final String MIN_HISTORY = "min-history";
    public static final String THRESHOLD = "threshold";
    public static final String MIN_DEVIATION = "min-deviation";
    public static final String MIN_RELATIVE_DEVIATION = "min-relative-deviation";

    private static final BigDecimal MONEY_MAX = new BigDecimal("1000000000000");

    /**
     * One editable parameter.
     *
     * @param name         its name in the document
     * @param min          smallest allowed value
     * @param minInclusive whether {@code min} itself is allowed
     * @param max          largest allowed value (inclusive)
     * @param integer      whether only whole numbers are allowed
     * @param optional     whether the global setting may be left out (the rule then judges only where an override
     *                     sets it)
     */
    public record Parameter(String name, BigDecimal min, boolean minInclusive, BigDecimal max, boolean integer,
            boolean optional) {

        /** Why {@code value} is not allowed, or null when it is. */
        public String problem(BigDecimal value) {
            if (integer && value.stripTrailingZeros().scale() > 0) {
                return "must be a whole number, was " + value.toPlainString();
            }
            int low = value.compareTo(min);
            if (low < 0 || (low == 0 && !minInclusive) || value.compareTo(max) > 0) {
                return "must be " + (minInclusive ? "at least " : "greater than ") + min.toPlainString()
                        + " and at most " + max.toPlainString() + ", was " + value.toPlainString();
            }
            return null;
        }
    }

    private static final Map<String, List<Parameter>> RULES = build();

    private RuleCatalog() {
    }

    /** Editable rules by name, in a stable order, with their parameters. */
    public static Map<String, List<Parameter>> rules() {
        return RULES;
    }

    private static Map<String, List<Parameter>> build() {
        List<Parameter> pacing = List.of(
                new Parameter(TOLERANCE, BigDecimal.ZERO, false, BigDecimal.ONE, false, false),
                new Parameter(MIN_TOLERANCE_FACTOR, BigDecimal.ZERO, true, BigDecimal.ONE, false, false),
                new Parameter(MIN_SPEND, BigDecimal.ZERO, true, MONEY_MAX, false, false));
        Map<String, List<Parameter>> rules = new LinkedHashMap<>();
        rules.put(DAILY_BUDGET_PACING, pacing);
        rules.put(LIFETIME_BUDGET_PACING, pacing);
        rules.put(ROAS_BELOW_TARGET, List.of(
                new Parameter(TARGET, BigDecimal.ZERO, false, new BigDecimal("1000000"), false, true),
                new Parameter(MIN_SPEND, BigDecimal.ZERO, true, MONEY_MAX, false, false)));
        rules.put(CPA_ABOVE_TARGET, List.of(
                new Parameter(TARGET, BigDecimal.ZERO, false, MONEY_MAX, false, true),
                new Parameter(MIN_SPEND, BigDecimal.ZERO, true, MONEY_MAX, false, false)));
        rules.put(SPEND_ANOMALY, List.of(
                new Parameter(HISTORY_DAYS, BigDecimal.ONE, true, new BigDecimal("60"), true, false),
                new Parameter(MIN_HISTORY, BigDecimal.ONE, true, new BigDecimal("60"), true, false),
                new Parameter(THRESHOLD, BigDecimal.ZERO, false, new BigDecimal("1000"), false, false),
                new Parameter(MIN_DEVIATION, BigDecimal.ZERO, true, MONEY_MAX, false, false),
                new Parameter(MIN_RELATIVE_DEVIATION, BigDecimal.ZERO, true, new BigDecimal("1000"), false, false)));
        return Collections.unmodifiableMap(rules);
    }

    /** The parameter {@code name} of {@code rule}, or null when the rule has no such parameter. */
    public static Parameter parameter(String rule, String name) {
        List<Parameter> parameters = rules().get(rule);
        return parameters == null ? null
                : parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
