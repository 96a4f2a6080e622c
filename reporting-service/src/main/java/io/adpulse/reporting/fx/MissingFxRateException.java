package io.adpulse.reporting.fx;

import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A conversion needs a rate the FX table does not have: a 422 problem naming the date and the pair (the earliest
 * missing one) and how many others are missing. Amounts are never converted with an assumed rate.
 */
public class MissingFxRateException extends ResponseStatusException {

    public MissingFxRateException(LocalDate date, String base, String quote, int othersMissing) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "no FX rate " + base + "/" + quote + " for " + date
                + (othersMissing > 0 ? " (and " + othersMissing + " more date/pair(s) missing)" : "")
                + "; add it with PUT /api/reporting/fx-rates or report per currency without 'currency'");
    }
}
