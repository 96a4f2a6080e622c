package io.adpulse.ingest.posting;

import io.adpulse.events.CommandResult;
import io.adpulse.ingest.command.CommandExecutor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reports a post's progress and outcome as results of its {@code video.publish} command (the post id is the command
 * id): {@code IN_PROGRESS} with progress {@code PROCESSING} once TikTok has the video, then {@code SUCCEEDED}
 * (PUBLISH_COMPLETE) or {@code FAILED} with TikTok's reason; {@code after} holds the post's state, TikTok's publish id
 * and status, and the public post id when there is one.
 */
@Component
class PublishCommandResults implements PublishOutcomeListener {

    private final ObjectProvider<CommandExecutor> executor;
    private final Clock clock;

    PublishCommandResults(ObjectProvider<CommandExecutor> executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Mono<Void> sent(PublishRecord post) {
        return executor.getObject().report(result(post, CommandResult.Outcome.IN_PROGRESS, "PROCESSING"));
    }

    @Override
    public Mono<Void> finished(PublishRecord post) {
        return executor.getObject().report(result(post, PublishRecord.PUBLISH_COMPLETE.equals(post.state())
                ? CommandResult.Outcome.SUCCEEDED : CommandResult.Outcome.FAILED, null));
    }

    private CommandResult result(PublishRecord post, CommandResult.Outcome outcome, String progress) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", post.state());
        put(after, "publishId", post.publishId());
        put(after, "tiktokStatus", post.tiktokStatus());
        put(after, "postId", post.postId());
        put(after, "failReason", post.failReason());
        return new CommandResult(post.id(), VideoPublishHandler.KIND, post.connectionId(), post.openId(),
                post.requestedBy(), false, outcome, progress,
                outcome == CommandResult.Outcome.FAILED ? post.failReason() : null, null, null, after, post.id(), null,
                post.tiktokStatus(), post.publishId(), clock.instant());
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
