package io.adpulse.alerting.silence.domain;

/** Where a silence is in its window, as Alertmanager names it. */
public enum SilenceState {
    PENDING, ACTIVE, EXPIRED
}
