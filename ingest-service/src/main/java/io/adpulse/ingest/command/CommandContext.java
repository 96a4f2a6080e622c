package io.adpulse.ingest.command;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.EntityLevel;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.sync.EntitySnapshot;
import io.adpulse.ingest.token.AccessToken;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * What a {@link CommandHandler} works with: the command, its parameters, the connection's opened token (never to be
 * logged or recorded) and TikTok through {@link TikTokWriter}, with calls attributed to the connection.
 */
public record CommandContext(CommandRequested command, CommandParameters parameters, CallOrigin origin,
        AccessToken token, TikTokWriter tiktok) {

    /** Sends one call for this command's connection. */
    public Mono<TikTokAnswer> send(TikTokCall call) {
        return tiktok.send(origin, token, call);
    }

    /** One entity of the command's advertiser as TikTok lists it now, as a snapshot map ({@link #snapshot}). */
    public Mono<Map<String, Object>> read(EntityLevel level, String entityId) {
        return tiktok.read(origin, token, level, entityId).map(CommandContext::snapshot);
    }

    /**
     * The fields of an entity recorded as {@code before}/{@code after}: {@code id}, {@code level}, {@code parentId},
     * {@code name}, {@code operationStatus}, {@code secondaryStatus}, {@code budget} (decimal string),
     * {@code budgetMode}; absent ones are left out.
     */
    public static Map<String, Object> snapshot(EntitySnapshot entity) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", entity.entityId());
        map.put("level", entity.level().name());
        put(map, "parentId", entity.parentId());
        put(map, "name", entity.name());
        put(map, "operationStatus", entity.operationStatus());
        put(map, "secondaryStatus", entity.secondaryStatus());
        put(map, "budget", entity.budget() == null ? null : entity.budget().toPlainString());
        put(map, "budgetMode", entity.budgetMode());
        return map;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
