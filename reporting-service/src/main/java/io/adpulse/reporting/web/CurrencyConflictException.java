package io.adpulse.reporting.web;

import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The requested rows have no single currency, so they have no single total: a 409 problem. For one advertiser
 * this signals inconsistent upstream data (TikTok fixes an advertiser's currency); for a brand or client it means
 * its advertisers bill in different currencies. Amounts in different currencies are never summed.
 */
public class CurrencyConflictException extends ResponseStatusException {

    public CurrencyConflictException(String advertiserId, Collection<String> currencies) {
        this("advertiser '" + advertiserId + "' has metrics in several currencies " + currencies
                + " in this range; amounts in different currencies are never summed, see /api/reporting/spend");
    }

    private CurrencyConflictException(String reason) {
        super(HttpStatus.CONFLICT, reason);
    }

    /** For the advertisers of a group named by {@code what} ({@code brand 'x'}, {@code client 'y'}). */
    public static CurrencyConflictException ofGroup(String what, Collection<String> currencies) {
        return new CurrencyConflictException("the advertisers of " + what + " have metrics in several currencies "
                + currencies + " in this range; amounts in different currencies are never summed, see "
                + "/api/reporting/rollups for totals per currency or converted with currency=");
    }
}
