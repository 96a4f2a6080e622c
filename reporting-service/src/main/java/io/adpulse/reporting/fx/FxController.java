package io.adpulse.reporting.fx;

import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.web.Caller;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.InvalidRequestException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reporting/fx-rates?from=&to=[&base=][&quote=]} lists the daily FX table (stored and configured
 * rates); {@code PUT /api/reporting/fx-rates} upserts rates per date and pair ({@code ADMIN} only).
 */
@RestController
class FxController {

    private static final String PATH = "/api/reporting/fx-rates";

    private final FxRates rates;
    private final ReportingProperties properties;

    FxController(FxRates rates, ReportingProperties properties) {
        this.rates = rates;
        this.properties = properties;
    }

    @GetMapping(PATH)
    Mono<RateList> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String base, @RequestParam(required = false) String quote) {
        return Mono.defer(() -> {
            DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
            return rates.list(range, base == null ? null : FxRates.currency("base", base),
                    quote == null ? null : FxRates.currency("quote", quote)).collectList().map(RateList::new);
        });
    }

    @PutMapping(PATH)
    Mono<Upserted> upsert(@RequestHeader(name = Caller.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = Caller.ROLES_HEADER, required = false) String roles,
            @RequestBody(required = false) RateUpsert body) {
        return Mono.defer(() -> {
            Caller caller = Caller.of(actor, roles).require(Caller.ADMIN);
            if (body == null) {
                throw new InvalidRequestException("a JSON request body {\"rates\": [...]} is required");
            }
            return rates.upsert(caller, body.rates()).map(Upserted::new);
        });
    }

    record RateList(List<FxRate> rates) {
    }

    record RateUpsert(List<FxRates.RateInput> rates) {
    }

    record Upserted(int upserted) {
    }
}
