package io.adpulse.ingest.command.ads;

import io.adpulse.events.CommandRequested;
import io.adpulse.ingest.command.CommandContext;
import io.adpulse.ingest.command.CommandHandler;
import io.adpulse.ingest.command.CommandParameters;
import io.adpulse.ingest.command.TikTokCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code campaign.status.update}, {@code adgroup.status.update} and {@code ad.status.update}: switch campaigns, ad
 * groups or ads on ({@code ENABLE}), off ({@code DISABLE}) or delete them ({@code DELETE}) through TikTok's
 * {@code /<level>/status/update/}. Parameters: {@code campaignIds} (or {@code adgroupIds}, {@code adIds}; 1-20 ids)
 * and {@code operationStatus}. With one id the entity is read before and after; with several only TikTok's answer is
 * recorded.
 */
abstract class StatusUpdateHandler implements CommandHandler {

    static final Set<String> STATUSES = Set.of("ENABLE", "DISABLE", "DELETE");
    private static final int MAX_IDS = 20;

    private final Levels level;

    StatusUpdateHandler(Levels level) {
        this.level = level;
    }

    @Override
    public String kind() {
        return level.prefix + ".status.update";
    }

    @Override
    public void validate(CommandParameters parameters) {
        parameters.onlyKnown(Set.of(level.idsParameter(), "operationStatus"));
        parameters.ids(level.idsParameter(), MAX_IDS);
        parameters.oneOf("operationStatus", STATUSES);
    }

    @Override
    public TikTokCall request(CommandRequested command, CommandParameters parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("advertiser_id", command.advertiserId());
        body.put(level.idsField(), parameters.ids(level.idsParameter(), MAX_IDS));
        body.put("operation_status", parameters.oneOf("operationStatus", STATUSES));
        return TikTokCall.businessPost("/" + level.prefix + "/status/update/", body);
    }

    @Override
    public String entityId(CommandParameters parameters) {
        List<String> ids = parameters.ids(level.idsParameter(), MAX_IDS);
        return ids.size() == 1 ? ids.get(0) : null;
    }

    @Override
    public Mono<Map<String, Object>> readBefore(CommandContext context) {
        String id = entityId(context.parameters());
        return id == null ? Mono.empty() : context.read(level.level, id);
    }

    @Override
    public Mono<Map<String, Object>> readAfter(CommandContext context, String entityId) {
        return context.read(level.level, entityId);
    }
}
