package io.adpulse.alerting.alert.domain;

/** Where an alert is in its lifecycle: its condition holds (FIRING) or has cleared (RESOLVED). */
public enum AlertState {
    FIRING, RESOLVED
}
