package io.adpulse.reporting.privacy;

import java.util.Set;

/** What the erasure covers, for the tests outside this package. */
public final class AccountErasure {

    private AccountErasure() {
    }

    /** The tables {@link AccountEraser} deletes an account's rows from. */
    public static Set<String> tables() {
        return AccountEraser.TABLES.keySet();
    }
}
