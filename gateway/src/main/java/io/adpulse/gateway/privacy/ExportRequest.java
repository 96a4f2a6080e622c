package io.adpulse.gateway.privacy;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an export is about: the connection, its account (advertiser) ids and a creator's open id, checked as every
 * service checks them (each 1 to {@value #MAX_ID} characters, at most {@value #MAX_ACCOUNTS} account ids), so that bad
 * input is a 400 here rather than four.
 */
record ExportRequest(String connectionId, List<String> accountIds, String openId) {

    static final int MAX_ID = 256;
    static final int MAX_ACCOUNTS = 100;

    static ExportRequest of(String connectionId, List<String> accountIds, String openId) {
        List<String> ids = accountIds == null ? List.of() : accountIds.stream().map(String::strip).toList();
        String open = openId == null ? null : openId.strip();
        if (connectionId == null || connectionId.isBlank() || connectionId.length() > MAX_ID
                || ids.stream().anyMatch(id -> id.isEmpty() || id.length() > MAX_ID)
                || (open != null && (open.isEmpty() || open.length() > MAX_ID))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "connectionId, each accountId and openId must be 1 to " + MAX_ID + " characters");
        }
        if (ids.size() > MAX_ACCOUNTS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "An export names at most " + MAX_ACCOUNTS + " accountId values");
        }
        return new ExportRequest(connectionId.strip(), ids, open);
    }
}
