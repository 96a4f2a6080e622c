package io.adpulse.alerting.pacing.store;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;

/** Binds a value that may be null: R2DBC needs the type of a null parameter. */
final class Nullable {

    private Nullable() {
    }

    static Parameter of(Object value, Class<?> type) {
        return value == null ? Parameters.in(type) : Parameters.in(value);
    }
}
