package io.adpulse.auth.connection;

/** No connection has the requested id. */
public class ConnectionNotFoundException extends RuntimeException {

    public ConnectionNotFoundException(String id) {
        super("No TikTok connection with id '" + id + "'");
    }
}
