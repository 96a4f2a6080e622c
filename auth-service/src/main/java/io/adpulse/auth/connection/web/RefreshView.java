package io.adpulse.auth.connection.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.adpulse.auth.connection.RefreshResult;

/** Answer of a forced refresh: the connection's fields plus {@code refresh: {outcome, detail}}. */
public record RefreshView(@JsonUnwrapped ConnectionView connection, Refresh refresh) {

    public record Refresh(RefreshResult.Outcome outcome, String detail) {
    }

    public static RefreshView of(RefreshResult result) {
        return new RefreshView(ConnectionView.of(result.connection()), new Refresh(result.outcome(), result.detail()));
    }
}
