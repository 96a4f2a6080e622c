package io.adpulse.faults;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the suite's stack when the test run ends, before the JVM exits: stopping six service processes, the sandbox,
 * PostgreSQL and Kafka can take longer than the time surefire grants shutdown hooks, and a JVM killed mid-way would
 * leave service processes behind.
 */
public class StackSession implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        FaultStack.close();
    }
}
