package io.adpulse.sandbox.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * A seeded advertiser account.
 *
 * @param id             TikTok advertiser id (19 digits, beyond 2^53 on purpose)
 * @param name           account name
 * @param company        company name
 * @param country        ISO country code
 * @param currency       account currency; money in reports uses its decimals (JPY none, USD/GBP two)
 * @param zone           the display time zone: report dates are local dates in it
 * @param tiktokTimezone TikTok's {@code timezone} field, a fixed {@code Etc/GMT±N} zone
 * @param balance        account balance
 * @param createTime     when the account was opened
 * @param dataFrom       first instant with metrics: local midnight {@code history-days} before the start date
 * @param campaigns      the account's campaigns, deleted ones included
 */
public record Advertiser(String id, String name, String company, String country, Currency currency, ZoneId zone,
                         String tiktokTimezone, BigDecimal balance, Instant createTime, Instant dataFrom,
                         List<Campaign> campaigns) {

    /** Decimals of the account currency. */
    public int decimals() {
        return currency.getDefaultFractionDigits();
    }
}
