package io.adpulse.alerting;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a fixed loopback port, started at once. It can be stopped and started again
 * on the same port, so a test can make the mail receiver fail and recover. It accepts the {@code team-mail}
 * receiver's login ({@code adpulse} / {@code smtp-secret-0123}).
 */
public final class SmtpServer {

    public static final String LOGIN = "adpulse";
    public static final String PASSWORD = "smtp-secret-0123";

    private final int port = freePort();
    private volatile GreenMail server;

    public SmtpServer() {
        start();
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("adpulse@example.com", LOGIN, PASSWORD));
        started.start();
        server = started;
    }

    /** Stops the server: connections to its port are refused until {@link #start()}. Mail received so far is lost. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every mail received since the server was last started. */
    public List<MimeMessage> received() {
        GreenMail current = server;
        return current == null ? List.of() : List.of(current.getReceivedMessages());
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
