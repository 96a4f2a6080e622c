package io.adpulse.reporting.privacy;

import io.adpulse.reporting.web.Caller;
import io.adpulse.reporting.web.InvalidRequestException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/reporting/privacy/exports/{connectionId}?accountId=...} (ADMIN): everything this service holds
 * about the account (the connection and its advertiser ids, or a creator's open id), as newline-delimited JSON, one
 * {@code {"service", "table", "row"}} object per row, streamed. The part of an account's data export that this
 * service contributes.
 */
@RestController
class AccountExportController {

    private static final int MAX_ID = 256;

    private final AccountExport export;

    AccountExportController(AccountExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/reporting/privacy/exports/{connectionId}", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<AccountExport.Row> export(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles,
            @PathVariable String connectionId,
            @RequestParam(name = "accountId", required = false) List<String> accountIds) {
        Caller.of(actor, roles).require(Caller.ADMIN);
        List<String> ids = accountIds == null ? List.of() : accountIds.stream().map(String::strip).toList();
        if (connectionId.isBlank() || connectionId.length() > MAX_ID
                || ids.stream().anyMatch(id -> id.isEmpty() || id.length() > MAX_ID)) {
            throw new InvalidRequestException("connectionId and each accountId must be 1 to " + MAX_ID + " characters");
        }
        return export.rows(connectionId, ids);
    }
}
