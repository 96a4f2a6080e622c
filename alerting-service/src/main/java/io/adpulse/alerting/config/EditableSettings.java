package io.adpulse.alerting.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What admins edit through {@code /api/alerting/config}: the editable rules' global thresholds and targets
 * ({@link RuleCatalog}), their overrides per advertiser, brand and campaign, the routing tree, the receivers and the
 * inhibit rules. Version 0 is made from the application configuration ({@link #of(AlertingProperties)}); every
 * edit is stored as a new version.
 *
 * @param rules        global parameter values by rule name; an optional parameter left out (a ROAS or CPA target)
 *                     means the rule judges only where an override sets it
 * @param overrides    per advertiser, brand and campaign
 * @param routes       the root of the routing tree
 * @param receivers    where notifications go
 * @param inhibitRules Alertmanager-style inhibit rules
 */
public record EditableSettings(Map<String, Map<String, BigDecimal>> rules, List<RuleOverride> overrides,
        RouteSettings routes, List<ReceiverSettings> receivers, List<InhibitRuleSettings> inhibitRules) {

    public EditableSettings {
        Map<String, Map<String, BigDecimal>> copy = new LinkedHashMap<>();
        rules.forEach((rule, parameters) -> copy.put(rule, Collections.unmodifiableMap(new LinkedHashMap<>(parameters))));
        rules = Collections.unmodifiableMap(copy);
        overrides = List.copyOf(overrides);
        receivers = List.copyOf(receivers);
        inhibitRules = List.copyOf(inhibitRules);
    }

    /**
     * The settings of the application configuration: {@code adpulse.alerting.pacing.*} for both pacing rules, the
     * ROAS and CPA default targets and floors, the anomaly thresholds; the per-advertiser ROAS and CPA targets
     * ({@code roas.targets}, {@code cpa.targets}) become advertiser overrides.
     */
    public static EditableSettings of(AlertingProperties properties) {
        Map<String, Map<String, BigDecimal>> rules = new LinkedHashMap<>();
        AlertingProperties.Pacing pacing = properties.pacing();
        Map<String, BigDecimal> pacingParameters = new LinkedHashMap<>();
        pacingParameters.put(RuleCatalog.TOLERANCE, pacing.tolerance());
        pacingParameters.put(RuleCatalog.MIN_TOLERANCE_FACTOR, pacing.minToleranceFactor());
        pacingParameters.put(RuleCatalog.MIN_SPEND, pacing.minSpend());
        rules.put(RuleCatalog.DAILY_BUDGET_PACING, pacingParameters);
        rules.put(RuleCatalog.LIFETIME_BUDGET_PACING, pacingParameters);
        rules.put(RuleCatalog.ROAS_BELOW_TARGET, target(properties.roas().defaultTarget(), properties.roas().minSpend()));
        rules.put(RuleCatalog.CPA_ABOVE_TARGET, target(properties.cpa().defaultTarget(), properties.cpa().minSpend()));
        AlertingProperties.Anomaly anomaly = properties.anomaly();
        Map<String, BigDecimal> anomalyParameters = new LinkedHashMap<>();
        anomalyParameters.put(RuleCatalog.HISTORY_DAYS, BigDecimal.valueOf(anomaly.historyDays()));
        anomalyParameters.put(RuleCatalog.MIN_HISTORY, BigDecimal.valueOf(anomaly.minHistory()));
        anomalyParameters.put(RuleCatalog.THRESHOLD, anomaly.threshold());
        anomalyParameters.put(RuleCatalog.MIN_DEVIATION, anomaly.minDeviation());
        anomalyParameters.put(RuleCatalog.MIN_RELATIVE_DEVIATION, anomaly.minRelativeDeviation());
        rules.put(RuleCatalog.SPEND_ANOMALY, anomalyParameters);
        Map<String, Map<String, Map<String, BigDecimal>>> byAdvertiser = new java.util.TreeMap<>();
        properties.roas().targets().forEach((advertiser, target) -> byAdvertiser
                .computeIfAbsent(advertiser, a -> new LinkedHashMap<>())
                .put(RuleCatalog.ROAS_BELOW_TARGET, Map.of(RuleCatalog.TARGET, target)));
        properties.cpa().targets().forEach((advertiser, target) -> byAdvertiser
                .computeIfAbsent(advertiser, a -> new LinkedHashMap<>())
                .put(RuleCatalog.CPA_ABOVE_TARGET, Map.of(RuleCatalog.TARGET, target)));
        List<RuleOverride> overrides = byAdvertiser.entrySet().stream()
                .map(e -> new RuleOverride(RuleOverride.Level.ADVERTISER, e.getKey(), List.of(), e.getValue()))
                .toList();
        return new EditableSettings(rules, overrides, properties.routes(), properties.receivers(),
                properties.inhibitRules());
    }

    private static Map<String, BigDecimal> target(BigDecimal target, BigDecimal minSpend) {
        Map<String, BigDecimal> parameters = new LinkedHashMap<>();
        if (target != null) {
            parameters.put(RuleCatalog.TARGET, target);
        }
        parameters.put(RuleCatalog.MIN_SPEND, minSpend);
        return parameters;
    }

    /**
     * The parameters of {@code rule} for a campaign of an advertiser ({@code campaignId} null for what is not a
     * campaign's): the global values, then those of the advertiser's overrides, its brands' and the campaign's, each
     * replacing what the less specific set.
     */
    public Map<String, BigDecimal> parameters(String rule, String advertiserId, String campaignId) {
        Map<String, BigDecimal> effective = new HashMap<>(rules.getOrDefault(rule, Map.of()));
        overrides.stream()
                .filter(o -> o.appliesTo(advertiserId, campaignId))
                .sorted(Comparator.comparing(RuleOverride::level))
                .forEach(o -> effective.putAll(o.rules().getOrDefault(rule, Map.of())));
        return effective;
    }
}
