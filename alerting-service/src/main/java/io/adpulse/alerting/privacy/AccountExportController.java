package io.adpulse.alerting.privacy;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/alerting/privacy/exports/{connectionId}?accountId=...} (ADMIN in {@code X-Adpulse-Roles}): everything
 * this service holds about the account's advertisers, as newline-delimited JSON, one {@code {"service", "table",
 * "row"}} object per row, streamed. The part of an account's data export that this service contributes.
 */
@RestController
class AccountExportController {

    private static final String ROLES_HEADER = "X-Adpulse-Roles";
    private static final int MAX_ID = 256;

    private final AccountExport export;

    AccountExportController(AccountExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/alerting/privacy/exports/{connectionId}", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<AccountExport.Row> export(@RequestHeader(name = ROLES_HEADER, required = false) String roles,
            @PathVariable String connectionId,
            @RequestParam(name = "accountId", required = false) List<String> accountIds) {
        if (roles == null || Arrays.stream(roles.split(",")).map(String::strip).noneMatch("ADMIN"::equalsIgnoreCase)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "An account's export needs the ADMIN role (header " + ROLES_HEADER + ")");
        }
        List<String> ids = accountIds == null ? List.of() : accountIds.stream().map(String::strip).toList();
        if (connectionId.isBlank() || connectionId.length() > MAX_ID
                || ids.stream().anyMatch(id -> id.isEmpty() || id.length() > MAX_ID)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "connectionId and each accountId must be 1 to " + MAX_ID + " characters");
        }
        return export.rows(connectionId, ids);
    }
}
