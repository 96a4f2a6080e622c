package io.adpulse.auth.privacy;

import io.adpulse.auth.web.Roles;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/auth/privacy/exports/{connectionId}} (ADMIN in {@code X-Adpulse-Roles}): everything this service
 * holds about the connection's account ({@link AccountExport}), as newline-delimited JSON, one
 * {@code {"service", "table", "row"}} object per row, streamed; never a token, key or sealed payload. The part of an
 * account's data export that this service contributes (the gateway's {@code /api/privacy/exports} gathers all parts).
 * Other query parameters ({@code accountId}, which the other services' parts take) are ignored: the connection id
 * names every row here.
 */
@RestController
class AccountExportController {

    private static final int MAX_ID = 256;

    private final AccountExport export;

    AccountExportController(AccountExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/auth/privacy/exports/{connectionId}", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<AccountExport.Row> export(@RequestHeader(name = Roles.HEADER, required = false) String roles,
            @PathVariable String connectionId) {
        Roles.requireAdmin(roles);
        if (connectionId.isBlank() || connectionId.length() > MAX_ID) {
            throw new ServerWebInputException("connectionId must be 1 to " + MAX_ID + " characters");
        }
        return export.rows(connectionId.strip());
    }
}
