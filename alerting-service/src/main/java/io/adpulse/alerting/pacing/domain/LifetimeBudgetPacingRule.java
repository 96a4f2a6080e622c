package io.adpulse.alerting.pacing.domain;

import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.ADVERTISER_ID;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.CAMPAIGN_ID;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.CAMPAIGN_NAME;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.CONDITION;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.CURRENCY;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.TIME_ZONE;
import static io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule.money;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Fingerprint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code lifetime-budget-pacing} rule: is a campaign or ad group with a lifetime budget
 * ({@code BUDGET_MODE_TOTAL}) spending it at the right pace over its flight? It shares the daily rule's
 * arithmetic ({@link PacingAssessment}): the elapsed share {@code f} is the share of the flight that has passed in
 * real time ({@link DayProgress#share}), so the band narrows toward the end of the flight and the same
 * {@code min-spend} floor applies. Spend is the sum of the latest daily reports over the advertiser-local dates of
 * the flight.
 * <p>
 * Spend is judged as of the moment it is known: now when today's report has arrived, otherwise the moment the
 * latest reported day's report was observed (at most that day's local end). So the hours after local midnight,
 * before TikTok reports the new day, do not look like under-delivery.
 * <p>
 * One alert per condition and budget holder (fingerprint: rule, condition, advertiser, level, entity id); it
 * resolves when the condition clears, the flight ends, or the holder stops being paced.
 */
public final class LifetimeBudgetPacingRule {

    public static final String NAME = "lifetime-budget-pacing";
    public static final String LEVEL = "level";
    public static final String ADGROUP_ID = "adgroup_id";
    public static final String ADGROUP_NAME = "adgroup_name";
    public static final String FLIGHT_START = "flight_start";
    public static final String FLIGHT_END = "flight_end";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PacingSettings settings;

    public LifetimeBudgetPacingRule(PacingSettings settings) {
        this.settings = settings;
    }

    /** The labels that name one budget holder; all of the rule's alerts for it are reconciled together. */
    public static Map<String, String> scope(BudgetKey key) {
        return Map.of(ADVERTISER_ID, key.advertiserId(), LEVEL, key.level().label(), idLabel(key.level()),
                key.entityId());
    }

    /** The budget holder named by an alert's labels. */
    public static BudgetKey keyOf(Map<String, String> labels) {
        BudgetLevel level = BudgetLevel.ofLabel(labels.get(LEVEL));
        return new BudgetKey(labels.get(ADVERTISER_ID), level, labels.get(idLabel(level)));
    }

    /** The advertiser-local dates whose spend counts: those of the flight. Empty when it is not paced. */
    public Optional<FlightDates> flightDates(LifetimeBudget budget) {
        if (budget.notPacedBecause() != null) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(budget.timeZone());
        // the end is exclusive: a flight ending at local midnight does not spend on the following date
        return Optional.of(new FlightDates(budget.flightStart().atZone(zone).toLocalDate(),
                budget.flightEnd().minusNanos(1).atZone(zone).toLocalDate()));
    }

    /** The first and last advertiser-local date of a flight, both inclusive. */
    public record FlightDates(LocalDate first, LocalDate last) {
    }

    public Evaluation forgotten(BudgetKey key) {
        return none(key, labels -> key.level().noun() + " " + nameOf(key, labels)
                + " is no longer tracked: its advertiser's data was removed");
    }

    /** Judges {@code budget} at {@code now}, given its spend over the flight (null when nothing was reported). */
    public Evaluation evaluate(LifetimeBudget budget, LifetimeSpend spend, Instant now) {
        BudgetKey key = budget.key();
        String who = key.level().noun() + " " + budget.displayName();
        String notPaced = budget.notPacedBecause();
        if (notPaced != null) {
            return none(key, labels -> who + " is no longer paced against a lifetime budget: " + notPaced);
        }
        ZoneId zone = ZoneId.of(budget.timeZone());
        String flight = "its flight from " + local(budget.flightStart(), zone) + " to " + local(budget.flightEnd(), zone)
                + " " + budget.timeZone();
        if (!now.isBefore(budget.flightEnd())) {
            return none(key, labels -> "The flight of " + who + " ended at " + local(budget.flightEnd(), zone) + " "
                    + budget.timeZone());
        }
        if (now.isBefore(budget.flightStart())) {
            return none(key, labels -> who + " has not started " + flight + " yet");
        }
        if (spend == null) {
            return none(key, labels -> "No spend has been reported for " + who + " during " + flight + " yet");
        }
        if (spend.currency() == null || !spend.currency().equals(budget.budgetCurrency())) {
            return none(key, labels -> "Spend of " + who + " is not reported in " + budget.budgetCurrency()
                    + ", the currency of its budget; lifetime pacing is not judged");
        }
        Instant asOf = asOf(spend, now, zone);
        BigDecimal fraction = DayProgress.share(Duration.between(budget.flightStart(), asOf),
                Duration.between(budget.flightStart(), budget.flightEnd()));
        PacingAssessment assessment = PacingAssessment.assess(budget.budget(), spend.amount(), fraction, settings);
        String currency = budget.budgetCurrency();
        String status = who + " has spent " + money(assessment.spend(), currency) + " " + currency + " of its "
                + money(assessment.budget(), currency) + " " + currency + " lifetime budget by " + local(asOf, zone)
                + " " + budget.timeZone() + ", " + percent(fraction) + " % through " + flight + "; expected "
                + money(assessment.expected(), currency) + " by then";
        List<AlertCandidate> active = assessment.condition()
                .map(condition -> candidate(budget, condition, status + "; " + detail(condition, assessment, currency)))
                .stream().toList();
        String current = assessment.condition()
                .map(condition -> who + " is " + condition.words() + " now. " + status)
                .orElse(who + " is back on pace. " + status);
        return new Evaluation(NAME, scope(key), active, labels -> current);
    }

    /** When the spend total is known: now once today's report is in, else when the latest day was last observed. */
    static Instant asOf(LifetimeSpend spend, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!spend.latestDate().isBefore(today)) {
            return now;
        }
        Instant dayStart = spend.latestDate().atStartOfDay(zone).toInstant();
        Instant dayEnd = spend.latestDate().plusDays(1).atStartOfDay(zone).toInstant();
        Instant observed = spend.latestObservedAt();
        return observed.isBefore(dayStart) ? dayStart : observed.isAfter(dayEnd) ? dayEnd : observed;
    }

    private AlertCandidate candidate(LifetimeBudget budget, PacingCondition condition, String summary) {
        BudgetKey key = budget.key();
        Map<String, String> labels = new TreeMap<>(scope(key));
        labels.put(CAMPAIGN_ID, budget.campaignId());
        if (key.level() == BudgetLevel.CAMPAIGN) {
            labels.put(CAMPAIGN_NAME, budget.displayName());
        } else {
            labels.put(ADGROUP_NAME, budget.displayName());
        }
        labels.put(CONDITION, condition.name());
        labels.put(FLIGHT_START, budget.flightStart().toString());
        labels.put(FLIGHT_END, budget.flightEnd().toString());
        labels.put(TIME_ZONE, budget.timeZone());
        labels.put(CURRENCY, budget.budgetCurrency());
        String fingerprint = Fingerprint.of(NAME, condition.name(), key.advertiserId(), key.level().label(),
                key.entityId());
        return new AlertCandidate(fingerprint, NAME, condition.severity(), labels, summary);
    }

    private static String detail(PacingCondition condition, PacingAssessment assessment, String currency) {
        return switch (condition) {
            case OVERSPEND -> "over budget by " + money(assessment.spend().subtract(assessment.budget()), currency)
                    + " " + currency;
            case PACING_AHEAD -> "pacing ahead (on pace up to " + money(assessment.upper(), currency)
                    + "; at this rate it would spend " + money(assessment.projected(), currency)
                    + " by the end of the flight)";
            case PACING_BEHIND -> "pacing behind (on pace from " + money(assessment.lower(), currency) + ")";
        };
    }

    private static Evaluation none(BudgetKey key, Function<Map<String, String>, String> resolution) {
        return new Evaluation(NAME, scope(key), List.of(), resolution);
    }

    private static String idLabel(BudgetLevel level) {
        return level == BudgetLevel.CAMPAIGN ? CAMPAIGN_ID : ADGROUP_ID;
    }

    private static String nameOf(BudgetKey key, Map<String, String> labels) {
        String name = labels.get(key.level() == BudgetLevel.CAMPAIGN ? CAMPAIGN_NAME : ADGROUP_NAME);
        return name == null ? key.entityId() : name;
    }

    private static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
