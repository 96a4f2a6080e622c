package io.adpulse.alerting.alert.domain;

import java.util.Locale;

/** How urgent an alert is; the wire value is the lower-case name, as the alert event schema requires. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
