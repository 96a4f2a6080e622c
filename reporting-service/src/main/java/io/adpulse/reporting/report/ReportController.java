package io.adpulse.reporting.report;

import io.adpulse.reporting.web.Caller;
import io.adpulse.reporting.web.Exports;
import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.NotFoundException;
import io.adpulse.reporting.web.Texts;
import io.adpulse.reporting.web.Visibility;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Weekly client reports: {@code GET /api/reporting/reports} lists them, {@code GET /api/reporting/reports/{id}.html}
 * and {@code .csv} download one, {@code POST /api/reporting/reports} re-generates one on demand ({@code ADMIN} or
 * {@code OPERATOR}).
 */
@RestController
class ReportController {

    private static final String PATH = "/api/reporting/reports";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final WeeklyReports reports;
    private final ReportRepository repository;

    ReportController(WeeklyReports reports, ReportRepository repository) {
        this.reports = reports;
        this.repository = repository;
    }

    @GetMapping(PATH)
    Mono<ReportList> list(@RequestParam(required = false) String clientId,
            @RequestParam(required = false) String brandId, @RequestParam(required = false) String limit) {
        return Mono.defer(() -> {
            int max = limit(limit);
            String client = blankToNull(clientId);
            return Visibility.current().flatMap(v -> {
                if (!v.restricted()) {
                    return repository.list(client, blankToNull(brandId), max).collectList();
                }
                // a CLIENT user lists its own client's reports only; naming another client lists nothing
                return v.clientId() == null || (client != null && !client.equals(v.clientId()))
                        ? Mono.just(List.<ReportInfo>of())
                        : repository.list(v.clientId(), blankToNull(brandId), max).collectList();
            }).map(list -> new ReportList(list.stream().map(ReportView::of).toList()));
        });
    }

    @GetMapping(PATH + "/{reportId}.html")
    Mono<ResponseEntity<String>> html(@PathVariable String reportId) {
        return download(reportId, "html", HTML);
    }

    @GetMapping(PATH + "/{reportId}.csv")
    Mono<ResponseEntity<String>> csv(@PathVariable String reportId) {
        return download(reportId, "csv", Exports.TEXT_CSV);
    }

    @PostMapping(PATH)
    Mono<ResponseEntity<ReportView>> generate(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles,
            @RequestBody(required = false) GenerateBody body) {
        return Mono.defer(() -> {
            Caller caller = Caller.of(actor, roles).require(Caller.ADMIN, Caller.OPERATOR);
            if (body == null || body.clientId() == null || body.clientId().isBlank()) {
                throw new InvalidRequestException("'clientId' is required");
            }
            String brandId = blankToNull(body.brandId());
            return reports.subject(body.clientId().strip(), brandId).flatMap(subject -> {
                LocalDate week = body.weekStart() == null ? reports.lastWeekOver(subject)
                        : reports.checkWeek(subject, body.weekStart());
                return reports.generate(subject, week, false, caller.actor());
            });
        }).map(info -> ResponseEntity.created(URI.create(PATH + "/" + info.reportId() + ".html"))
                .body(ReportView.of(info)));
    }

    private Mono<ResponseEntity<String>> download(String reportId, String format, MediaType type) {
        return Visibility.current().flatMap(v -> repository.find(reportId).filter(info -> v.seesClient(info.clientId())))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("report '" + Texts.echo(reportId, 64)
                        + "' does not exist")))
                .flatMap(info -> repository.content(reportId, format).map(content -> ResponseEntity.ok()
                        .contentType(type)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(Exports.filename("report", info.clientId(), info.brandId(),
                                        info.periodStart()) + "." + format)
                                .build().toString())
                        .body(content)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidRequestException("'limit' must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** Body of an on-demand generation: the client, optionally one of its brands and the week's Monday. */
    record GenerateBody(String clientId, String brandId, LocalDate weekStart) {
    }

    record ReportList(List<ReportView> reports) {
    }

    /** A report as listed, with its download links. */
    record ReportView(String reportId, String kind, String clientId, String clientName, String brandId,
            String brandName, LocalDate periodStart, LocalDate periodEnd, boolean scheduled, String requestedBy,
            Instant generatedAt, List<String> formats, Links links) {

        static ReportView of(ReportInfo r) {
            return new ReportView(r.reportId(), r.kind(), r.clientId(), r.clientName(), r.brandId(), r.brandName(),
                    r.periodStart(), r.periodEnd(), r.scheduled(), r.requestedBy(), r.generatedAt(),
                    ReportInfo.FORMATS, new Links(PATH + "/" + r.reportId() + ".html", PATH + "/" + r.reportId()
                            + ".csv"));
        }
    }

    record Links(String html, String csv) {
    }
}
