package io.adpulse.ingest.posting;

import reactor.core.publisher.Mono;

/** Told once when a post reaches PUBLISH_COMPLETE or FAILED (e.g. to publish the command's result). */
public interface PublishOutcomeListener {

    Mono<Void> finished(PublishRecord post);
}
