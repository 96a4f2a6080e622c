package io.adpulse.gateway.access;

/** Exchange attributes shared between the access log and the filters that learn who the caller is. */
public final class AccessAttributes {

    /** The request's correlation id (String). */
    public static final String CORRELATION_ID = AccessAttributes.class.getName() + ".correlationId";

    private AccessAttributes() {
    }
}
