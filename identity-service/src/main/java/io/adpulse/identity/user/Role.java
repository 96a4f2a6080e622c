package io.adpulse.identity.user;

/** The roles Adpulse knows; the gateway forwards them to the services in {@code X-Adpulse-Roles}. */
public enum Role { ADMIN, OPERATOR, ONCALL, AUDITOR, CLIENT }
