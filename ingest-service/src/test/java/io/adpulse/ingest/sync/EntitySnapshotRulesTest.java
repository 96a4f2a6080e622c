package io.adpulse.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.Money;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntitySnapshotRulesTest {

    @Test
    void campaignWithDeleteSecondaryStatusIsDeletedButNotDeleteIsNot() {
        assertThat(campaign("BUDGET_MODE_DAY", "CAMPAIGN_STATUS_DELETE").deleted()).isTrue();
        assertThat(campaign("BUDGET_MODE_DAY", "CAMPAIGN_STATUS_NOT_DELETE").deleted()).isFalse();
        assertThat(campaign("BUDGET_MODE_DAY", "CAMPAIGN_STATUS_ENABLE").deleted()).isFalse();
    }

    @Test
    void adGroupsAndAdsWithDeleteSecondaryStatusAreDeleted() {
        assertThat(child(EntityLevel.ADGROUP, "ADGROUP_STATUS_DELETE").deleted()).isTrue();
        assertThat(child(EntityLevel.ADGROUP, "ADGROUP_STATUS_CAMPAIGN_DISABLE").deleted()).isFalse();
        assertThat(child(EntityLevel.AD, "AD_STATUS_DELETE").deleted()).isTrue();
        assertThat(child(EntityLevel.AD, "AD_STATUS_DELIVERY_OK").deleted()).isFalse();
    }

    @Test
    void anEntityWithoutABudgetHasNone() {
        assertThat(child(EntityLevel.AD, "AD_STATUS_DELIVERY_OK").budgetIn("EUR")).isNull();
    }

    @Test
    void budgetIsMoneyInTheAccountCurrencyUnlessInfinite() {
        assertThat(campaign("BUDGET_MODE_DAY", "CAMPAIGN_STATUS_ENABLE").budgetIn("EUR"))
                .isEqualTo(new Money(new BigDecimal("150.50"), "EUR"));
        assertThat(campaign("BUDGET_MODE_INFINITE", "CAMPAIGN_STATUS_ENABLE").budgetIn("EUR")).isNull();
    }

    @Test
    void statusIsTheOperationStatusFallingBackToTheSecondaryStatus() {
        assertThat(campaign("BUDGET_MODE_DAY", "CAMPAIGN_STATUS_BUDGET_EXCEED").status()).isEqualTo("ENABLE");
        assertThat(new EntitySnapshot(EntityLevel.CAMPAIGN, "1", "7002", "n", null, null, null, "CAMPAIGN_STATUS_DISABLE", Map.of()).status())
                .isEqualTo("CAMPAIGN_STATUS_DISABLE");
    }

    @Test
    void advertiserZoneIsTheDisplayTimeZoneFallingBackToTimezone() {
        assertThat(advertiser("America/Los_Angeles", "Etc/GMT+8").zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(advertiser(null, "Etc/GMT+8").zone()).isEqualTo(ZoneId.of("Etc/GMT+8"));
        assertThat(advertiser("Mars/Olympus", "Europe/Berlin").zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void advertiserWithoutAnyZoneCannotBeSynced() {
        assertThatThrownBy(() -> advertiser("", null).zone())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no usable time zone");
    }

    private static EntitySnapshot campaign(String budgetMode, String secondaryStatus) {
        return new EntitySnapshot(EntityLevel.CAMPAIGN, "1800", "7002", "Winter Boots", new BigDecimal("150.50"),
                budgetMode, "ENABLE", secondaryStatus, Map.of());
    }

    private static EntitySnapshot child(EntityLevel level, String secondaryStatus) {
        return new EntitySnapshot(level, "1900", "1800", "Child", null, null, "ENABLE", secondaryStatus, Map.of());
    }

    private static AdvertiserInfo advertiser(String displayTimeZone, String timeZone) {
        return new AdvertiserInfo("7002", "Northwind", "STATUS_ENABLE", "USD", displayTimeZone, timeZone, Map.of());
    }
}
