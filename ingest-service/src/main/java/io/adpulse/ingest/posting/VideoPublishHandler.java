package io.adpulse.ingest.posting;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.CommandResult;
import io.adpulse.events.ConnectionKind;
import io.adpulse.ingest.command.CommandContext;
import io.adpulse.ingest.command.CommandHandler;
import io.adpulse.ingest.command.CommandParameters;
import io.adpulse.ingest.command.CommandRejectedException;
import io.adpulse.ingest.command.TikTokAnswer;
import io.adpulse.ingest.command.TikTokCall;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code video.publish}: a Direct Post to a creator connection, now or at {@code scheduledAt}. Parameters:
 * {@code mediaId} (an uploaded video) or {@code videoUrl}, {@code privacyLevel} (required: the user's choice among
 * creator_info's options, no default), {@code title}?, {@code disableComment}?, {@code disableDuet}?,
 * {@code disableStitch}? (false when absent), {@code scheduledAt}? (ISO-8601 instant). The dry run shows the exact
 * {@code video/init/} request (a FILE_UPLOAD's chunk PUTs follow it). Executing stores the post under the command id
 * and answers {@code IN_PROGRESS}; {@link Publishing} sends it at its time, reports {@code IN_PROGRESS} /
 * {@code PROCESSING} once TikTok has it, and the final {@code SUCCEEDED} or {@code FAILED} with TikTok's reason.
 */
@Component
class VideoPublishHandler implements CommandHandler {

    static final String KIND = "video.publish";
    private static final Set<String> PARAMETERS = Set.of("mediaId", "videoUrl", "title", "privacyLevel",
            "disableComment", "disableDuet", "disableStitch", "scheduledAt");
    private static final Set<String> LEVELS = Set.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS",
            "FOLLOWER_OF_CREATOR", "SELF_ONLY");
    private static final int MAX_TITLE = 2200;

    private final Publishing publishing;

    VideoPublishHandler(Publishing publishing) {
        this.publishing = publishing;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ConnectionKind connectionKind() {
        return ConnectionKind.CREATOR;
    }

    @Override
    public void validate(CommandParameters parameters) {
        parameters.onlyKnown(PARAMETERS);
        parameters.oneOf("privacyLevel", LEVELS);
        if (parameters.has("mediaId") == parameters.has("videoUrl")) {
            throw new CommandRejectedException("give exactly one of mediaId (an uploaded video) and videoUrl");
        }
        parameters.optionalText("mediaId");
        parameters.optionalText("videoUrl");
        title(parameters);
        parameters.optionalBoolean("disableComment");
        parameters.optionalBoolean("disableDuet");
        parameters.optionalBoolean("disableStitch");
        scheduledAt(parameters);
    }

    @Override
    public Mono<TikTokCall> prepare(CommandRequested command, CommandParameters parameters) {
        return publishing.request(post(command, parameters)).map(PostRequest::call)
                .onErrorMap(PostRejected.class, e -> new CommandRejectedException(e.getMessage()));
    }

    @Override
    public Mono<TikTokAnswer> execute(CommandContext context, TikTokCall request) {
        return publishing.submit(post(context.command(), context.parameters()))
                .map(post -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("postId", post.id());
                    data.put("state", post.state());
                    data.put("scheduledAt", post.scheduledAt().toString());
                    return new TikTokAnswer(true, null, "Stored; sent to TikTok at " + post.scheduledAt(), null, data);
                })
                .onErrorResume(PostRejected.class, e -> Mono.just(new TikTokAnswer(false, null, e.getMessage(), null,
                        Map.of())));
    }

    @Override
    public CommandResult.Outcome outcomeOf(TikTokAnswer answer) {
        return answer.ok() ? CommandResult.Outcome.IN_PROGRESS : CommandResult.Outcome.FAILED;
    }

    @Override
    public String entityId(CommandParameters parameters, TikTokAnswer answer) {
        return answer.dataText("postId");
    }

    static NewPost post(CommandRequested command, CommandParameters parameters) {
        return new NewPost(command.commandId(), command.connectionId(), parameters.optionalText("mediaId").orElse(null),
                parameters.optionalText("videoUrl").orElse(null), title(parameters), parameters.text("privacyLevel"),
                parameters.optionalBoolean("disableComment").orElse(false),
                parameters.optionalBoolean("disableDuet").orElse(false),
                parameters.optionalBoolean("disableStitch").orElse(false), scheduledAt(parameters), command.actor());
    }

    private static String title(CommandParameters parameters) {
        Object value = parameters.values().get("title");
        if (value == null) {
            return "";
        }
        if (!(value instanceof String title) || title.length() > MAX_TITLE) {
            throw new CommandRejectedException("parameter 'title' must be a string of at most " + MAX_TITLE
                    + " characters");
        }
        return title;
    }

    private static Instant scheduledAt(CommandParameters parameters) {
        return parameters.optionalText("scheduledAt").map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandRejectedException("parameter 'scheduledAt' must be an ISO-8601 instant such as"
                        + " 2026-11-26T18:00:00Z, got '" + text + "'");
            }
        }).orElse(null);
    }
}
