package io.adpulse.ingest.posting;

import reactor.core.publisher.Mono;

/**
 * Told when a post was handed to TikTok ({@link #sent}) and once when it reaches PUBLISH_COMPLETE or FAILED (to
 * report the command's progress and result).
 */
public interface PublishOutcomeListener {

    default Mono<Void> sent(PublishRecord post) {
        return Mono.empty();
    }

    Mono<Void> finished(PublishRecord post);
}
