package io.adpulse.alerting.inhibit.domain;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertRepository;
import io.adpulse.alerting.alert.domain.AlertState;
import io.adpulse.alerting.alert.domain.Inhibits;
import io.adpulse.alerting.alert.domain.LabelMatcher;
import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.config.InhibitRuleSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Answers "which firing alerts inhibit this one now?" from the configured inhibit rules
 * ({@code adpulse.alerting.inhibit-rules}, validated at startup) and the alerts firing at that moment.
 */
@Service
public class Inhibitor implements Inhibits {

    static final String PREFIX = "adpulse.alerting.inhibit-rules";

    private final List<InhibitRule> rules;
    private final AlertRepository alerts;

    @Autowired
    Inhibitor(AlertingProperties properties, AlertRepository alerts) {
        this(compile(properties.inhibitRules()), alerts);
    }

    Inhibitor(List<InhibitRule> rules, AlertRepository alerts) {
        this.rules = List.copyOf(rules);
        this.alerts = alerts;
    }

    public List<InhibitRule> rules() {
        return rules;
    }

    @Override
    public Mono<Function<Alert, List<String>>> at(Instant now) {
        if (rules.isEmpty()) {
            return Mono.just(alert -> List.of());
        }
        return alerts.allFiring().collectList().map(firing -> alert -> inhibitors(alert, firing));
    }

    /** The fingerprints of the alerts among {@code firing} that inhibit {@code target}; none for a resolved one. */
    public List<String> inhibitors(Alert target, List<Alert> firing) {
        if (target.state() != AlertState.FIRING) {
            return List.of();
        }
        var labels = target.matchLabels();
        List<String> by = new ArrayList<>();
        for (InhibitRule rule : rules) {
            if (!rule.isTarget(labels)) {
                continue;
            }
            for (Alert source : firing) {
                if (!source.fingerprint().equals(target.fingerprint()) && !by.contains(source.fingerprint())
                        && rule.inhibits(source.matchLabels(), labels)) {
                    by.add(source.fingerprint());
                }
            }
        }
        return by;
    }

    /** Compiles the configured rules, naming the property of the first that is invalid. */
    static List<InhibitRule> compile(List<InhibitRuleSettings> settings) {
        List<InhibitRule> compiled = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            String path = PREFIX + "[" + i + "]";
            InhibitRuleSettings rule = settings.get(i);
            List<LabelMatcher> source = matchers(rule.sourceMatchers(), path + ".source-matchers");
            List<LabelMatcher> target = matchers(rule.targetMatchers(), path + ".target-matchers");
            for (String name : rule.equal()) {
                if (name == null || !name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                    throw new IllegalArgumentException("invalid inhibit rule at " + path + ".equal: '" + name
                            + "' is not a label name");
                }
            }
            compiled.add(new InhibitRule(source, target, rule.equal()));
        }
        return compiled;
    }

    private static List<LabelMatcher> matchers(List<String> texts, String path) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("invalid inhibit rule at " + path + ": at least one matcher is needed");
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                matchers.add(LabelMatcher.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid inhibit rule at " + path + "[" + i + "]: " + e.getMessage(),
                        e);
            }
        }
        return matchers;
    }
}
