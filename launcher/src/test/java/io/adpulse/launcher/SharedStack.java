package io.adpulse.launcher;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one Adpulse stack of a test JVM, handed to the test classes that need it as an {@link AdpulseStack}
 * parameter of their {@code @BeforeAll} method. It is started by the first class that asks (about 30 s and several
 * service processes) and kept in the root extension store, so every later class gets the same stack and JUnit
 * closes it once, when the whole test run ends. Classes must therefore not rely on each other's effects: each
 * one prepares the state it needs (connected advertisers, clients...) or waits for it.
 */
final class SharedStack implements ParameterResolver {

    /** The seeded administrator's password, fresh for every run. */
    static final String PASSWORD = "e2e-" + Long.toHexString(System.nanoTime());
    /** Short, so that a test sees auth-service refresh a creator's token several times on its own. */
    static final Duration CREATOR_TOKEN_LIFETIME = Duration.ofSeconds(20);
    /** How often ingest-service polls the sandbox. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AdpulseStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // AutoCloseable values of the root store are closed when the test plan finishes.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(AdpulseStack.class, key -> start(),
                AdpulseStack.class);
    }

    /**
     * The webhook receiver the shared stack's alerting-service notifies; started with the JVM's first stack and
     * living as long as the JVM (a few threads and one port).
     */
    static AlertReceiver alertReceiver() {
        return AlertReceiverHolder.RECEIVER;
    }

    private static AdpulseStack start() {
        Path services = Path.of(System.getProperty("adpulse.services.dir", "target/services"));
        // evaluate every 5 s and notify a second after an alert starts, so alert tests take seconds, not minutes
        return AdpulseStack.start(StackOptions.randomPorts(services, Path.of("target", "e2e-logs"), PASSWORD,
                        POLL_INTERVAL).withCreatorTokenLifetime(CREATOR_TOKEN_LIFETIME)
                .withAlertWebhook(alertReceiver().url(), new StackOptions.AlertTiming(Duration.ofSeconds(5),
                        Duration.ofSeconds(1), Duration.ofSeconds(5))));
    }

    private static final class AlertReceiverHolder {
        static final AlertReceiver RECEIVER = new AlertReceiver();
    }
}
