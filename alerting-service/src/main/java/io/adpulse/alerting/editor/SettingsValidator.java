package io.adpulse.alerting.editor;

import static io.adpulse.alerting.editor.SettingsDocument.invalid;

import io.adpulse.alerting.config.EditableSettings;
import io.adpulse.alerting.config.RuleCatalog;
import io.adpulse.alerting.config.RuleOverride;
import io.adpulse.alerting.inhibit.domain.Inhibitor;
import io.adpulse.alerting.notify.routing.Routing;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the meaning of edited settings, naming the field of the first mistake: every rule and parameter is one of
 * {@link RuleCatalog} and in its range, the global rules set every required parameter, overrides are each for one
 * advertiser, brand (with its advertisers) or campaign, at most one per level and id, an advertiser in at most one
 * brand; the receivers (unique names, http(s) URLs, e-mail addresses), the routing tree (a root receiver, known
 * receivers, matchers that parse, sensible durations) and the inhibit rules compile as they would at startup.
 */
final class SettingsValidator {

    static final int MAX_OVERRIDES = 5000;
    static final int MAX_RECEIVERS = 200;
    private static final int MAX_ID = 200;

    private SettingsValidator() {
    }

    static void validate(EditableSettings settings) {
        checkRules(settings.rules(), "rules", true);
        checkAnomalyHistory(settings.rules(), Map.of(), "rules");
        if (settings.overrides().size() > MAX_OVERRIDES) {
            throw invalid("overrides", "may hold at most " + MAX_OVERRIDES + " overrides, not "
                    + settings.overrides().size());
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> brandOf = new HashMap<>();
        for (int i = 0; i < settings.overrides().size(); i++) {
            RuleOverride override = settings.overrides().get(i);
            String path = "overrides[" + i + "]";
            if (override.id().length() > MAX_ID) {
                throw invalid(path + ".id", "is longer than " + MAX_ID + " characters");
            }
            if (!seen.add(override.level() + "/" + override.id())) {
                throw invalid(path + ".id", "there is already an override for " + override.level().label() + " '"
                        + override.id() + "'; put all its rules in one");
            }
            if (override.level() == RuleOverride.Level.BRAND) {
                if (override.advertiserIds().isEmpty()) {
                    throw invalid(path + ".advertiser-ids", "a brand override must list the brand's advertisers");
                }
                for (String advertiser : override.advertiserIds()) {
                    String other = brandOf.put(advertiser, override.id());
                    if (other != null && !other.equals(override.id())) {
                        throw invalid(path + ".advertiser-ids", "advertiser " + advertiser + " is already in brand '"
                                + other + "'; an advertiser can be in one brand override only");
                    }
                }
            } else if (!override.advertiserIds().isEmpty()) {
                throw invalid(path + ".advertiser-ids", "only a brand override lists advertisers");
            }
            if (override.rules().isEmpty()) {
                throw invalid(path + ".rules", "an override must set at least one parameter of a rule");
            }
            checkRules(override.rules(), path + ".rules", false);
            checkAnomalyHistory(override.rules(), settings.rules(), path + ".rules");
        }
        if (settings.receivers().size() > MAX_RECEIVERS) {
            throw invalid("receivers", "may hold at most " + MAX_RECEIVERS + " receivers, not "
                    + settings.receivers().size());
        }
        if (settings.receivers().isEmpty()) {
            throw invalid("receivers", "at least the root route's receiver is needed");
        }
        Routing.compile(0, settings, "receivers", "routes");
        Inhibitor.compile(settings.inhibitRules(), "inhibit-rules");
    }

    private static void checkRules(Map<String, Map<String, BigDecimal>> rules, String path, boolean global) {
        for (Map.Entry<String, Map<String, BigDecimal>> rule : rules.entrySet()) {
            List<RuleCatalog.Parameter> parameters = RuleCatalog.rules().get(rule.getKey());
            if (parameters == null) {
                throw invalid(path + "." + rule.getKey(), "is not a rule whose settings can be edited; those are "
                        + RuleCatalog.rules().keySet());
            }
            if (!global && rule.getValue().isEmpty()) {
                throw invalid(path + "." + rule.getKey(), "sets no parameter; leave the rule out instead");
            }
            for (Map.Entry<String, BigDecimal> value : rule.getValue().entrySet()) {
                RuleCatalog.Parameter parameter = RuleCatalog.parameter(rule.getKey(), value.getKey());
                String field = path + "." + rule.getKey() + "." + value.getKey();
                if (parameter == null) {
                    throw invalid(field, "is not a parameter of " + rule.getKey() + "; its parameters are "
                            + parameters.stream().map(RuleCatalog.Parameter::name).toList());
                }
                String problem = parameter.problem(value.getValue());
                if (problem != null) {
                    throw invalid(field, problem);
                }
            }
        }
        if (global) {
            for (Map.Entry<String, List<RuleCatalog.Parameter>> rule : RuleCatalog.rules().entrySet()) {
                for (RuleCatalog.Parameter parameter : rule.getValue()) {
                    if (!parameter.optional()
                            && !rules.getOrDefault(rule.getKey(), Map.of()).containsKey(parameter.name())) {
                        throw invalid(path + "." + rule.getKey() + "." + parameter.name(), "is required");
                    }
                }
            }
        }
    }

    /** {@code min-history} may not exceed {@code history-days}, each taken from {@code rules} or else {@code base}. */
    private static void checkAnomalyHistory(Map<String, Map<String, BigDecimal>> rules,
            Map<String, Map<String, BigDecimal>> base, String path) {
        Map<String, BigDecimal> own = rules.getOrDefault(RuleCatalog.SPEND_ANOMALY, Map.of());
        Map<String, BigDecimal> inherited = base.getOrDefault(RuleCatalog.SPEND_ANOMALY, Map.of());
        BigDecimal historyDays = own.getOrDefault(RuleCatalog.HISTORY_DAYS, inherited.get(RuleCatalog.HISTORY_DAYS));
        BigDecimal minHistory = own.getOrDefault(RuleCatalog.MIN_HISTORY, inherited.get(RuleCatalog.MIN_HISTORY));
        if (historyDays != null && minHistory != null && minHistory.compareTo(historyDays) > 0
                && (own.containsKey(RuleCatalog.MIN_HISTORY) || own.containsKey(RuleCatalog.HISTORY_DAYS))) {
            String field = own.containsKey(RuleCatalog.MIN_HISTORY) ? RuleCatalog.MIN_HISTORY : RuleCatalog.HISTORY_DAYS;
            throw invalid(path + "." + RuleCatalog.SPEND_ANOMALY + "." + field, "min-history (" + minHistory
                    + ") must not exceed history-days (" + historyDays + ")");
        }
    }
}
