package io.adpulse.launcher;

/** The Adpulse services the stack starts, with their default local ports and databases. */
public enum Service {
    AUTH("auth-service", "auth", 8081),
    INGEST("ingest-service", "ingest", 8082),
    REPORTING("reporting-service", "reporting", 8083),
    ALERTING("alerting-service", "alerting", 8084),
    AUDIT("audit-service", "audit", 8085),
    IDENTITY("identity-service", "identity", 8086),
    GATEWAY("gateway", null, 8080);

    private final String module;
    private final String database;
    private final int defaultPort;

    Service(String module, String database, int defaultPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    /** The service's own database, or null when it keeps no state. */
    public String database() {
        return database;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** Environment variable through which the gateway learns where this service listens. */
    String gatewayUriVariable() {
        return "ADPULSE_" + name() + "_URI";
    }
}
