package io.adpulse.sandbox.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the catalogue from the seed. The shape is fixed so tests can rely on it, the details come from the seed:
 * <ul>
 *   <li>three advertisers: US (America/Los_Angeles, USD), UK (Europe/London, GBP), JP (Asia/Tokyo, JPY);</li>
 *   <li>3-5 campaigns each, in this order: an always-on conversion campaign with a daily budget that ordinary
 *       variation sometimes overspends; a traffic campaign with a lifetime budget; a reach campaign deleted a
 *       third of the way into the history; then possibly a video-views campaign created two thirds of the way in,
 *       and an engagement campaign with a daily budget disabled a few days ago;</li>
 *   <li>1-3 ad groups per campaign, each with a daily budget, and 1-2 ads per ad group.</li>
 * </ul>
 * Times are laid out around the first metric instant ({@code history-days} before the start date).
 */
public final class CatalogSeeder {

    private record Account(String name, String company, String brand, String country, String currency,
                           String zone, String tiktokTimezone, int scale) {
    }

    private record Plan(Objective objective, BudgetMode budgetMode, Lifecycle lifecycle, String theme) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("Northwind Outdoor US", "Northwind Outdoor Inc.", "Northwind", "US", "USD",
                    "America/Los_Angeles", "Etc/GMT+8", 1),
            new Account("Brightside Beauty UK", "Brightside Beauty Ltd", "Brightside", "GB", "GBP",
                    "Europe/London", "Etc/GMT", 1),
            new Account("Sakura Home JP", "Sakura Home K.K.", "Sakura", "JP", "JPY",
                    "Asia/Tokyo", "Etc/GMT-9", 150));

    private static final List<String> AUDIENCES = List.of(
            "Broad 18-34", "Broad 25-44", "Lookalike 1%", "Retargeting 30d", "Interest: lifestyle");
    private static final List<String> HOOKS = List.of(
            "UGC testimonial", "Product demo", "Founder story", "Unboxing", "Before and after");

    private final long seed;
    private final Clock clock;
    private final int historyDays;
    private final Draws draws;
    private final Set<String> usedIds = new HashSet<>();

    private CatalogSeeder(long seed, Clock clock, int historyDays) {
        this.seed = seed;
        this.clock = clock;
        this.historyDays = historyDays;
        this.draws = Draws.of(seed, "catalog", 0);
    }

    /** The catalogue for this seed, laid out around the clock's current date. */
    public static Catalog seed(long seed, Clock clock, int historyDays) {
        return new CatalogSeeder(seed, clock, historyDays).build();
    }

    private Catalog build() {
        List<Advertiser> advertisers = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            advertisers.add(advertiser(ACCOUNTS.get(i), i));
        }
        return new Catalog(advertisers);
    }

    private Advertiser advertiser(Account account, int index) {
        ZoneId zone = ZoneId.of(account.zone());
        Currency currency = Currency.getInstance(account.currency());
        int decimals = currency.getDefaultFractionDigits();
        long minor = BigDecimal.ONE.movePointRight(decimals).longValueExact();
        String id = nextId("7", 18);
        Instant dataFrom = LocalDate.now(clock.withZone(zone)).minusDays(historyDays).atStartOfDay(zone).toInstant();
        Instant created = dataFrom.minus(Duration.ofDays(200 + draws.nextInt(600))).plusSeconds(draws.nextInt(86_400));
        BigDecimal balance = BigDecimal.valueOf(
                (500L + draws.nextInt(20_000)) * account.scale() * minor + draws.nextInt((int) minor), decimals);
        int campaignCount = 3 + draws.nextInt(3);
        List<Campaign> campaigns = new ArrayList<>();
        for (int role = 0; role < campaignCount; role++) {
            campaigns.add(campaign(account, id, plan(role, index), dataFrom, minor));
        }
        return new Advertiser(id, account.name(), account.company(), account.country(), currency, zone,
                account.tiktokTimezone(), balance, created, dataFrom, campaigns);
    }

    private static Plan plan(int role, int accountIndex) {
        return switch (role) {
            case 0 -> new Plan(accountIndex % 2 == 0 ? Objective.WEB_CONVERSIONS : Objective.PRODUCT_SALES,
                    BudgetMode.BUDGET_MODE_DAY, Lifecycle.ACTIVE, "Always-on conversions");
            case 1 -> new Plan(Objective.TRAFFIC, BudgetMode.BUDGET_MODE_TOTAL, Lifecycle.ACTIVE, "Seasonal sale");
            case 2 -> new Plan(Objective.REACH, BudgetMode.BUDGET_MODE_INFINITE, Lifecycle.DELETED, "Brand reach burst");
            case 3 -> new Plan(Objective.VIDEO_VIEWS, BudgetMode.BUDGET_MODE_INFINITE, Lifecycle.ACTIVE,
                    "New collection launch");
            default -> new Plan(Objective.ENGAGEMENT, BudgetMode.BUDGET_MODE_DAY, Lifecycle.DISABLED,
                    "Creator engagement test");
        };
    }

    private Campaign campaign(Account account, String advertiserId, Plan plan, Instant dataFrom, long minor) {
        String id = nextId("17", 17);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        double dailyUnits;
        BigDecimal budget;
        switch (plan.budgetMode()) {
            case BUDGET_MODE_DAY -> {
                long cap = (long) (plan.lifecycle() == Lifecycle.ACTIVE ? 150 + draws.nextInt(350) : 50 + draws.nextInt(150))
                        * account.scale();
                budget = BigDecimal.valueOf(cap);
                dailyUnits = cap * 0.9;
            }
            case BUDGET_MODE_TOTAL -> {
                long daily = (60L + draws.nextInt(200)) * account.scale();
                budget = BigDecimal.valueOf(daily * (historyDays + 30L));
                dailyUnits = daily;
            }
            default -> {
                budget = BigDecimal.ZERO;
                dailyUnits = (40.0 + draws.nextInt(200)) * account.scale();
            }
        }
        Instant created = plan.theme().startsWith("New")
                ? min(dataFrom.plus(Duration.ofDays(historyDays * 2L / 3)).plus(Duration.ofHours(draws.nextInt(24))), now)
                : dataFrom.minus(Duration.ofDays(5 + draws.nextInt(120))).minusSeconds(draws.nextInt(86_400));
        Instant end = switch (plan.lifecycle()) {
            case DELETED -> min(dataFrom.plus(Duration.ofDays(Math.max(1, historyDays / 3 + draws.nextInt(Math.max(1, historyDays / 6)))))
                    .plus(Duration.ofHours(draws.nextInt(24))), now);
            case DISABLED -> max(now.minus(Duration.ofDays(2 + draws.nextInt(5))).minus(Duration.ofHours(draws.nextInt(24))),
                    created.plus(Duration.ofDays(1)));
            case ACTIVE -> null;
        };
        Instant modified = end != null ? end : min(created.plus(Duration.ofDays(1 + draws.nextInt(20))), now);
        String name = account.brand() + " | " + plan.theme();
        List<AdGroup> adGroups = adGroups(account, advertiserId, id, name, created, modified, dailyUnits);
        return new Campaign(id, advertiserId, name, plan.objective(), plan.budgetMode(), budget, plan.lifecycle(),
                created, modified, end == null ? null : end.truncatedTo(ChronoUnit.HOURS), dailyUnits * minor, adGroups);
    }

    private List<AdGroup> adGroups(Account account, String advertiserId, String campaignId, String campaignName,
                                   Instant campaignCreated, Instant campaignModified, double dailyUnits) {
        int count = 1 + draws.nextInt(3);
        double[] weights = weights(count);
        List<AdGroup> adGroups = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String id = nextId("17", 17);
            Instant created = campaignCreated.plus(Duration.ofMinutes(10 + draws.nextInt(120)));
            Instant modified = max(created, campaignModified);
            BigDecimal budget = BigDecimal.valueOf(Math.max(20L * account.scale(), (long) Math.ceil(dailyUnits * weights[k] * 1.4)))
                    .setScale(0, RoundingMode.UNNECESSARY);
            String name = campaignName + " | AG" + (k + 1) + " " + AUDIENCES.get(draws.nextInt(AUDIENCES.size()));
            adGroups.add(new AdGroup(id, campaignId, advertiserId, name, BudgetMode.BUDGET_MODE_DAY, budget, created,
                    modified, ads(account, advertiserId, campaignId, id, created, modified, weights[k])));
        }
        return adGroups;
    }

    private List<Ad> ads(Account account, String advertiserId, String campaignId, String adGroupId,
                         Instant adGroupCreated, Instant adGroupModified, double adGroupShare) {
        int count = 1 + draws.nextInt(2);
        double[] weights = weights(count);
        List<Ad> ads = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String id = nextId("17", 17);
            Instant created = adGroupCreated.plus(Duration.ofMinutes(5 + draws.nextInt(60)));
            String hook = HOOKS.get(draws.nextInt(HOOKS.size()));
            ads.add(new Ad(id, adGroupId, campaignId, advertiserId, hook + " #" + (k + 1),
                    account.brand() + ": " + hook.toLowerCase() + ", tap to see more", created,
                    max(created, adGroupModified), adGroupShare * weights[k]));
        }
        return ads;
    }

    private double[] weights(int count) {
        double[] weights = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = draws.between(0.5, 1.5);
            total += weights[i];
        }
        for (int i = 0; i < count; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    /** A fresh id: the prefix followed by {@code digits} digits, unique within the catalogue. */
    private String nextId(String prefix, int digits) {
        long bound = BigDecimal.ONE.movePointRight(digits).longValueExact();
        String id;
        do {
            id = prefix + String.format("%0" + digits + "d", Math.floorMod(draws.nextLong() ^ seed, bound));
        } while (!usedIds.add(id));
        return id;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
