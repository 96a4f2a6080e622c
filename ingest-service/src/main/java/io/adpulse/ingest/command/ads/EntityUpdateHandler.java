package io.adpulse.ingest.command.ads;

import io.adpulse.events.CommandRequested;
import io.adpulse.ingest.command.CommandContext;
import io.adpulse.ingest.command.CommandHandler;
import io.adpulse.ingest.command.CommandParameters;
import io.adpulse.ingest.command.CommandRejectedException;
import io.adpulse.ingest.command.TikTokCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code campaign.update} and {@code adgroup.update}: a new budget and/or name for one campaign or ad group, through
 * {@code POST /campaign/update/} or {@code /adgroup/update/}. Parameters: {@code campaignId} (or {@code adgroupId}),
 * and at least one of {@code budget} (a decimal in the account currency, up to two places) and {@code campaignName}
 * (or {@code adgroupName}). TikTok checks the minimum budget and the budget mode; its refusal is the result.
 */
abstract class EntityUpdateHandler implements CommandHandler {

    private static final int MONEY_SCALE = 2;

    private final Levels level;

    EntityUpdateHandler(Levels level) {
        this.level = level;
    }

    @Override
    public String kind() {
        return level.prefix + ".update";
    }

    @Override
    public void validate(CommandParameters parameters) {
        parameters.onlyKnown(Set.of(level.idParameter, "budget", level.nameParameter));
        parameters.id(level.idParameter);
        parameters.optionalPositiveDecimal("budget", MONEY_SCALE);
        parameters.optionalText(level.nameParameter);
        if (!parameters.has("budget") && !parameters.has(level.nameParameter)) {
            throw new CommandRejectedException("nothing to change: give budget and/or " + level.nameParameter);
        }
    }

    @Override
    public TikTokCall request(CommandRequested command, CommandParameters parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("advertiser_id", command.advertiserId());
        body.put(level.idField, parameters.id(level.idParameter));
        parameters.optionalText(level.nameParameter).ifPresent(name -> body.put(level.nameField, name));
        parameters.optionalPositiveDecimal("budget", MONEY_SCALE).ifPresent(budget -> body.put("budget", budget));
        return TikTokCall.businessPost("/" + level.prefix + "/update/", body);
    }

    @Override
    public String entityId(CommandParameters parameters) {
        return parameters.id(level.idParameter);
    }

    @Override
    public Mono<Map<String, Object>> readBefore(CommandContext context) {
        return context.read(level.level, entityId(context.parameters()));
    }

    @Override
    public Mono<Map<String, Object>> readAfter(CommandContext context, String entityId) {
        return context.read(level.level, entityId);
    }
}
