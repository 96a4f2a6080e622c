package io.adpulse.reporting.web;

import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The requested rows of one advertiser are in more than one currency, so they have no single total: a 409
 * problem. TikTok fixes an advertiser's currency, so this signals inconsistent upstream data, not a caller
 * error; amounts in different currencies are never summed.
 */
public class CurrencyConflictException extends ResponseStatusException {

    public CurrencyConflictException(String advertiserId, Collection<String> currencies) {
        super(HttpStatus.CONFLICT, "advertiser '" + advertiserId + "' has metrics in several currencies " + currencies
                + " in this range; amounts in different currencies are never summed, see /api/reporting/spend");
    }
}
