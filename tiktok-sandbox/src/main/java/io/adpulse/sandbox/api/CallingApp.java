package io.adpulse.sandbox.api;

import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/**
 * Which developer app a call is made for, kept on the exchange. Traffic accounting sets it from the
 * {@code Access-Token} or {@code app_id} query parameter before the handler runs; handlers that learn the app
 * only from a JSON body set it themselves, so that calls are counted per app.
 */
public final class CallingApp {

    private static final String ATTRIBUTE = CallingApp.class.getName();

    private CallingApp() {
    }

    public static void set(ServerWebExchange exchange, String appId) {
        if (appId != null && !appId.isBlank()) {
            exchange.getAttributes().put(ATTRIBUTE, appId);
        }
    }

    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
