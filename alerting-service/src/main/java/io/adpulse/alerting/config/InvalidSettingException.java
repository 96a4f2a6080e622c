package io.adpulse.alerting.config;

/**
 * A setting that is not valid, naming it: at startup a property ({@code adpulse.alerting.routes.routes[0].receiver}),
 * in the settings API a field of the document ({@code routes.routes[0].receiver}). The message never holds a secret.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    /**
     * @param field   the property or field at fault
     * @param reason  why it is not valid
     * @param message the whole message, usually naming what kind of setting it is and then field and reason
     */
    public InvalidSettingException(String field, String reason, String message) {
        super(message);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
