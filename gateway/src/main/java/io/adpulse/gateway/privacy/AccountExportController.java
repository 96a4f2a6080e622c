package io.adpulse.gateway.privacy;

import io.adpulse.gateway.access.AccessAttributes;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/privacy/exports/{connectionId}?accountId=...&openId=...&format=json|zip} (ADMIN only, enforced by
 * the security configuration): everything Adpulse holds about one account, as one download. The gateway asks every
 * service for its part ({@link ExportParts}) with the caller's identity, and answers once all of them answered:
 * <ul>
 * <li>{@code format=json} (default): one JSON document
 * {@code {"connectionId", "accountIds", "openId", "exportedAt", "exportedBy", "services", "rows": [{"service",
 * "table", "row"}...]}}, rows in service order, streamed as they arrive;</li>
 * <li>{@code format=zip}: a zip of CSV files, one per service and table ({@code ingest-service/sync_run.csv}), and
 * {@code export.json} with the same header fields and the rows per file ({@link CsvZip}), streamed.</li>
 * </ul>
 * A service that cannot give its part fails the export before anything is sent (a 502/503 problem naming it; see
 * {@link ExportParts}). A service that fails after the download started cuts the response: the client gets a truncated
 * (invalid) JSON document or zip, never a complete-looking partial export. The call is on the access log like every
 * gateway request (path, actor, decision, status; never the query with the ids).
 */
@RestController
class AccountExportController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final ExportParts parts;
    private final Clock clock;
    private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    AccountExportController(ExportParts parts, Clock clock) {
        this.parts = parts;
        this.clock = clock;
    }

    @GetMapping("/api/privacy/exports/{connectionId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(ServerWebExchange exchange, @PathVariable String connectionId,
            @RequestParam(name = "accountId", required = false) List<String> accountIds,
            @RequestParam(required = false) String openId,
            @RequestParam(defaultValue = "json") String format) {
        boolean zip = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> false;
            case "zip" -> true;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json or zip");
        };
        ExportRequest request = ExportRequest.of(connectionId, accountIds, openId);
        String correlationId = exchange.getAttribute(AccessAttributes.CORRELATION_ID);
        return exchange.getPrincipal().cast(Authentication.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in first.")))
                .flatMap(auth -> parts.open(request, auth.getName(), roles(auth),
                                correlationId == null ? "" : correlationId)
                        .map(opened -> {
                            Map<String, Object> about = about(request, auth);
                            // Parts not read when the download ends early (a failure, the client gone) are released.
                            Flux<DataBuffer> body = (zip ? zip(opened, about) : json(opened, about))
                                    .doFinally(signal -> opened.forEach(ExportParts.Part::release));
                            return ResponseEntity.ok()
                                    .contentType(zip ? ZIP : MediaType.APPLICATION_JSON)
                                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                            .filename(fileName(request.connectionId()) + (zip ? ".zip" : ".json"))
                                            .build().toString())
                                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                                    .body(body);
                        }));
    }

    private Map<String, Object> about(ExportRequest request, Principal caller) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("connectionId", request.connectionId());
        about.put("accountIds", request.accountIds());
        about.put("openId", request.openId());
        about.put("exportedAt", clock.instant().toString());
        about.put("exportedBy", caller.getName());
        about.put("services", parts.services());
        return about;
    }

    /** The JSON document: its header fields, then {@code "rows": [...]} filled part after part. */
    private Flux<DataBuffer> json(List<ExportParts.Part> opened, Map<String, Object> about) {
        String header = JSON.writeValueAsString(about);
        String start = header.substring(0, header.length() - 1) + ",\"rows\":[";
        Flux<DataBuffer> rows = Flux.defer(() -> {
            boolean[] first = {true};
            return Flux.concat(opened.stream().map(ExportParts.Part::rows).toList())
                    .map(row -> {
                        byte[] json = JSON.writeValueAsBytes(row);
                        byte[] separator = first[0] ? new byte[0] : new byte[] {','};
                        first[0] = false;
                        return buffers.wrap(concat(separator, json, new byte[] {'\n'}));
                    });
        });
        return Flux.concat(Mono.fromCallable(() -> buffers.wrap(start.getBytes(StandardCharsets.UTF_8))), rows,
                Mono.fromCallable(() -> buffers.wrap("]}".getBytes(StandardCharsets.UTF_8))));
    }

    /** The zip of CSV files, written row by row. */
    private Flux<DataBuffer> zip(List<ExportParts.Part> opened, Map<String, Object> about) {
        return Flux.defer(() -> {
            CsvZip writer = new CsvZip();
            Flux<byte[]> rows = Flux.concat(opened.stream().map(ExportParts.Part::rows).toList()).map(writer::add);
            return Flux.concat(rows, Mono.fromCallable(() -> writer.finish(about)))
                    .filter(bytes -> bytes.length > 0)
                    .map(buffers::wrap);
        });
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String roles(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.joining(","));
    }

    /** {@code adpulse-export-<connection id>}, with anything but letters, digits, {@code -} and {@code _} dropped. */
    private static String fileName(String connectionId) {
        String safe = connectionId.replaceAll("[^A-Za-z0-9_-]", "");
        return "adpulse-export-" + (safe.isEmpty() ? "account" : safe);
    }
}
