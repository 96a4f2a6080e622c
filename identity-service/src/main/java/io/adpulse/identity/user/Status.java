package io.adpulse.identity.user;

/** INVITED until the invitation is accepted, then ACTIVE; DISABLED users cannot sign in nor refresh tokens. */
public enum Status { INVITED, ACTIVE, DISABLED }
