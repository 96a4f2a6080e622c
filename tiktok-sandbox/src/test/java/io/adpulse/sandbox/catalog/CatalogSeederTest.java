package io.adpulse.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CatalogSeederTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-18T10:30:00Z"), ZoneOffset.UTC);

    @Test
    void seedsThreeAdvertisersInTheirZonesAndCurrencies() {
        Catalog catalog = CatalogSeeder.seed(42, CLOCK, 60);

        assertThat(catalog.advertisers()).extracting(a -> a.currency().getCurrencyCode() + " " + a.zone().getId()
                + " " + a.tiktokTimezone()).containsExactly("USD America/Los_Angeles Etc/GMT+8",
                "GBP Europe/London Etc/GMT", "JPY Asia/Tokyo Etc/GMT-9");
        assertThat(catalog.advertisers()).allSatisfy(advertiser -> {
            assertThat(advertiser.id()).hasSize(19);
            assertThat(advertiser.campaigns()).hasSizeBetween(3, 5)
                    .filteredOn(c -> c.lifecycle() == Lifecycle.DELETED).hasSize(1);
            assertThat(advertiser.dataFrom()).isEqualTo(
                    java.time.LocalDate.of(2026, 1, 17).atStartOfDay(advertiser.zone()).toInstant());
        });
    }

    @Test
    void sameSeedSameCatalogueOtherSeedOtherIds() {
        assertThat(ids(CatalogSeeder.seed(42, CLOCK, 60))).isEqualTo(ids(CatalogSeeder.seed(42, CLOCK, 60)))
                .doesNotContainAnyElementsOf(ids(CatalogSeeder.seed(7, CLOCK, 60)));
    }

    @Test
    void idsAreUniqueAcrossLevelsAndAdSharesOfACampaignSumToOne() {
        Catalog catalog = CatalogSeeder.seed(42, CLOCK, 60);

        assertThat(ids(catalog)).doesNotHaveDuplicates();
        catalog.advertisers().stream().flatMap(a -> a.campaigns().stream()).forEach(campaign ->
                assertThat(campaign.adGroups().stream().flatMap(g -> g.ads().stream()).mapToDouble(Ad::share).sum())
                        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
    }

    private static List<String> ids(Catalog catalog) {
        return catalog.advertisers().stream().flatMap(a -> Stream.concat(Stream.of(a.id()), a.campaigns().stream()
                .flatMap(c -> Stream.concat(Stream.of(c.id()), c.adGroups().stream()
                        .flatMap(g -> Stream.concat(Stream.of(g.id()), g.ads().stream().map(Ad::id))))))).toList();
    }
}
