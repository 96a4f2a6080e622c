package io.adpulse.ingest.comments;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.ConnectionKind;
import io.adpulse.ingest.command.CommandContext;
import io.adpulse.ingest.command.CommandHandler;
import io.adpulse.ingest.command.CommandParameters;
import io.adpulse.ingest.command.CommandRejectedException;
import io.adpulse.ingest.command.TikTokAnswer;
import io.adpulse.ingest.command.TikTokCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The comment triage commands, on creator connections, each with the comment ({@code commentId}, which must be in
 * the connection's queue) as it was before and after:
 * <ul>
 *   <li>{@code comment.reply} {@code {commentId, text (≤150)}} → TikTok {@code POST /business/comment/reply/create/};</li>
 *   <li>{@code comment.hide} {@code {commentId, hidden? (true)}} → TikTok {@code POST /business/comment/hide/}
 *       ({@code HIDE} / {@code UNHIDE});</li>
 *   <li>{@code comment.assign} {@code {commentId, assignee (null: nobody)}} and {@code comment.handled}
 *       {@code {commentId, handled? (true)}}: Adpulse's own, no TikTok request (the dry run says so); commands so that
 *       they are authorised, idempotent and audited like every write.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class CommentHandlers {

    static final String REPLY = "/business/comment/reply/create/";
    static final String HIDE = "/business/comment/hide/";
    static final String LOCAL = "Adpulse-local change: nothing was sent to TikTok";

    @Bean
    CommandHandler commentReplyHandler(CommentTriage triage) {
        return new CommentCommand(triage, "comment.reply", Set.of("commentId", "text")) {
            @Override
            void check(CommandParameters parameters) {
                Object text = parameters.values().get("text");
                try {
                    CommentTriage.checkReply(text instanceof String s ? s : null);
                } catch (CommentRejected e) {
                    throw new CommandRejectedException(e.getMessage());
                }
            }

            @Override
            TikTokCall call(TriagedComment comment, CommandParameters parameters) {
                Map<String, Object> body = body(comment);
                body.put("text", parameters.values().get("text"));
                return TikTokCall.businessPost(REPLY, body);
            }

            @Override
            Mono<Void> record(TriagedComment comment, CommandParameters parameters, TikTokAnswer answer) {
                return triage.recordReply(comment.commentId(), answer.dataText("comment_id"));
            }
        };
    }

    @Bean
    CommandHandler commentHideHandler(CommentTriage triage) {
        return new CommentCommand(triage, "comment.hide", Set.of("commentId", "hidden")) {
            @Override
            void check(CommandParameters parameters) {
                parameters.optionalBoolean("hidden");
            }

            @Override
            TikTokCall call(TriagedComment comment, CommandParameters parameters) {
                Map<String, Object> body = body(comment);
                body.put("action", hidden(parameters) ? "HIDE" : "UNHIDE");
                return TikTokCall.businessPost(HIDE, body);
            }

            @Override
            Mono<Void> record(TriagedComment comment, CommandParameters parameters, TikTokAnswer answer) {
                return triage.recordHidden(comment.commentId(), hidden(parameters));
            }

            private boolean hidden(CommandParameters parameters) {
                return parameters.optionalBoolean("hidden").orElse(true);
            }
        };
    }

    @Bean
    CommandHandler commentAssignHandler(CommentTriage triage) {
        return new CommentCommand(triage, "comment.assign", Set.of("commentId", "assignee")) {
            @Override
            void check(CommandParameters parameters) {
                parameters.optionalText("assignee");
            }

            @Override
            Mono<Void> local(TriagedComment comment, CommandRequested command, CommandParameters parameters) {
                return triage.assign(comment.commentId(), parameters.optionalText("assignee").orElse(null)).then();
            }
        };
    }

    @Bean
    CommandHandler commentHandledHandler(CommentTriage triage) {
        return new CommentCommand(triage, "comment.handled", Set.of("commentId", "handled")) {
            @Override
            void check(CommandParameters parameters) {
                parameters.optionalBoolean("handled");
            }

            @Override
            Mono<Void> local(TriagedComment comment, CommandRequested command, CommandParameters parameters) {
                return triage.handled(comment.commentId(), parameters.optionalBoolean("handled").orElse(true),
                        command.actor()).then();
            }
        };
    }

    /**
     * What the comment commands share: the comment must be in the command's connection's queue; a TikTok kind builds
     * its call from it ({@link #call}) and records TikTok's acceptance ({@link #record}); a local kind changes the
     * queue ({@link #local}) and makes no call.
     */
    abstract static class CommentCommand implements CommandHandler {

        final CommentTriage triage;
        private final String kind;
        private final Set<String> parameters;

        CommentCommand(CommentTriage triage, String kind, Set<String> parameters) {
            this.triage = triage;
            this.kind = kind;
            this.parameters = parameters;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public ConnectionKind connectionKind() {
            return ConnectionKind.CREATOR;
        }

        @Override
        public void validate(CommandParameters values) {
            values.onlyKnown(parameters);
            values.text("commentId");
            check(values);
        }

        abstract void check(CommandParameters parameters);

        /** The TikTok call; null for a local kind. */
        TikTokCall call(TriagedComment comment, CommandParameters parameters) {
            return null;
        }

        Mono<Void> record(TriagedComment comment, CommandParameters parameters, TikTokAnswer answer) {
            return Mono.empty();
        }

        Mono<Void> local(TriagedComment comment, CommandRequested command, CommandParameters parameters) {
            return Mono.empty();
        }

        @Override
        public Mono<TikTokCall> prepare(CommandRequested command, CommandParameters values) {
            return comment(command, values).flatMap(comment -> Mono.justOrEmpty(call(comment, values)));
        }

        @Override
        public String entityId(CommandParameters values) {
            return values.text("commentId");
        }

        @Override
        public Mono<Map<String, Object>> readBefore(CommandContext context) {
            return comment(context.command(), context.parameters()).map(CommentTriage::snapshot);
        }

        @Override
        public Mono<TikTokAnswer> execute(CommandContext context, TikTokCall request) {
            return comment(context.command(), context.parameters()).flatMap(comment -> {
                if (request == null) {
                    return local(comment, context.command(), context.parameters())
                            .thenReturn(new TikTokAnswer(true, null, LOCAL, null, Map.of()));
                }
                return context.send(request).flatMap(answer -> answer.ok()
                        ? record(comment, context.parameters(), answer).thenReturn(answer) : Mono.just(answer));
            });
        }

        @Override
        public Mono<Map<String, Object>> readAfter(CommandContext context, String entityId) {
            return triage.find(entityId).map(CommentTriage::snapshot);
        }

        private Mono<TriagedComment> comment(CommandRequested command, CommandParameters values) {
            String id = values.text("commentId");
            return triage.find(id)
                    .onErrorMap(CommentRejected.class, e -> new CommandRejectedException(e.getMessage()))
                    .flatMap(comment -> comment.connectionId().equals(command.connectionId()) ? Mono.just(comment)
                            : Mono.error(new CommandRejectedException("comment " + id + " is not in the queue of"
                                    + " connection " + command.connectionId())));
        }

        static Map<String, Object> body(TriagedComment comment) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("business_id", comment.openId());
            body.put("video_id", comment.videoId());
            body.put("comment_id", comment.commentId());
            return body;
        }
    }
}
