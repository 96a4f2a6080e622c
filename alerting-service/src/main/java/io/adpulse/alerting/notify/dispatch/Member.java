package io.adpulse.alerting.notify.dispatch;

import io.adpulse.alerting.alert.domain.AlertState;

/** An alert episode in a group, with the state its receiver was last told (null: not told yet). */
record Member(long alertId, AlertState notifiedState) {
}
