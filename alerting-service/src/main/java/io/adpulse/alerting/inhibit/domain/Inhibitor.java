package io.adpulse.alerting.inhibit.domain;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertRepository;
import io.adpulse.alerting.alert.domain.AlertState;
import io.adpulse.alerting.alert.domain.Inhibits;
import io.adpulse.alerting.alert.domain.LabelMatcher;
import io.adpulse.alerting.config.InvalidSettingException;
import io.adpulse.alerting.config.LiveSettings;
import io.adpulse.alerting.config.InhibitRuleSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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

    /** The rules of one version of the editable settings. */
    private record Compiled(long version, List<InhibitRule> rules) {
    }

    private final LiveSettings live;
    private final AlertRepository alerts;
    private final AtomicReference<Compiled> compiled;

    @Autowired
    Inhibitor(LiveSettings live, AlertRepository alerts) {
        this.live = live;
        this.alerts = alerts;
        LiveSettings.Snapshot seed = live.now();
        this.compiled = new AtomicReference<>(new Compiled(seed.version(), compile(seed.settings().inhibitRules())));
    }

    Inhibitor(List<InhibitRule> rules, AlertRepository alerts) {
        this.live = null;
        this.alerts = alerts;
        this.compiled = new AtomicReference<>(new Compiled(0, List.copyOf(rules)));
    }

    /** The rules in effect now (those of the latest settings version this instance read). */
    public List<InhibitRule> rules() {
        return live == null ? compiled.get().rules() : rulesOf(live.now());
    }

    private List<InhibitRule> rulesOf(LiveSettings.Snapshot snapshot) {
        Compiled known = compiled.get();
        if (known.version() == snapshot.version()) {
            return known.rules();
        }
        Compiled fresh = new Compiled(snapshot.version(), compile(snapshot.settings().inhibitRules()));
        compiled.set(fresh);
        return fresh.rules();
    }

    @Override
    public Mono<Function<Alert, List<String>>> at(Instant now) {
        Mono<List<InhibitRule>> rules = live == null ? Mono.just(compiled.get().rules())
                : live.current().map(this::rulesOf);
        return rules.flatMap(current -> current.isEmpty() ? Mono.just(alert -> List.of())
                : alerts.allFiring().collectList().map(firing -> alert -> inhibitors(current, alert, firing)));
    }

    /** The fingerprints of the alerts among {@code firing} that inhibit {@code target}; none for a resolved one. */
    public List<String> inhibitors(Alert target, List<Alert> firing) {
        return inhibitors(rules(), target, firing);
    }

    private static List<String> inhibitors(List<InhibitRule> rules, Alert target, List<Alert> firing) {
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
        return compile(settings, PREFIX);
    }

    /**
     * Compiles the inhibit rules listed at {@code prefix} ({@code inhibitRules} in the settings API), naming the
     * field of the first that is invalid.
     */
    public static List<InhibitRule> compile(List<InhibitRuleSettings> settings, String prefix) {
        List<InhibitRule> compiled = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            String path = prefix + "[" + i + "]";
            InhibitRuleSettings rule = settings.get(i);
            List<LabelMatcher> source = matchers(rule.sourceMatchers(), path + ".source-matchers");
            List<LabelMatcher> target = matchers(rule.targetMatchers(), path + ".target-matchers");
            for (String name : rule.equal()) {
                if (name == null || !name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                    throw invalid(path + ".equal", "'" + name + "' is not a label name");
                }
            }
            compiled.add(new InhibitRule(source, target, rule.equal()));
        }
        return compiled;
    }

    private static List<LabelMatcher> matchers(List<String> texts, String path) {
        if (texts.isEmpty()) {
            throw invalid(path, "at least one matcher is needed");
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                matchers.add(LabelMatcher.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                throw invalid(path + "[" + i + "]", e.getMessage());
            }
        }
        return matchers;
    }

    private static InvalidSettingException invalid(String path, String reason) {
        return new InvalidSettingException(path, reason, "invalid inhibit rule at " + path + ": " + reason);
    }
}
