package io.adpulse.events;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in one currency. On the wire the amount is a decimal string, never a binary float. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
