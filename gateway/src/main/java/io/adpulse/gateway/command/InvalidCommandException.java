package io.adpulse.gateway.command;

/** A command the gateway refuses for its shape; the message is the reason shown in the 400 problem. */
class InvalidCommandException extends RuntimeException {

    InvalidCommandException(String reason) {
        super(reason);
    }
}
