package io.adpulse.ingest.posting;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading posts and what a posting screen needs: {@code GET /api/ingest/creators/{connectionId}/creator-info} (TikTok's
 * creator_info, live), {@code GET /api/ingest/publishes[?connectionId=]} (newest first) and
 * {@code GET /api/ingest/publishes/{id}} (the post's state, TikTok's status and the fail reason). Posts are made
 * through commands.
 */
@RestController
class PublishingController {

    private static final int LIST_LIMIT = 100;

    private final Publishing publishing;

    PublishingController(Publishing publishing) {
        this.publishing = publishing;
    }

    @GetMapping("/api/ingest/creators/{connectionId}/creator-info")
    Mono<CreatorInfo> creatorInfo(@PathVariable String connectionId) {
        return publishing.creatorInfo(connectionId)
                .onErrorMap(e -> !(e instanceof PostRejected), e -> new ResponseStatusException(HttpStatus.BAD_GATEWAY,
                        "TikTok's creator_info failed: " + e.getMessage()));
    }

    @GetMapping("/api/ingest/creators/{connectionId}/avatar")
    Mono<org.springframework.http.ResponseEntity<byte[]>> avatar(@PathVariable String connectionId) {
        return publishing.avatar(connectionId)
                .map(avatar -> org.springframework.http.ResponseEntity.ok()
                        .contentType(org.springframework.http.MediaType.parseMediaType(avatar.contentType()))
                        .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofHours(1)))
                        .body(avatar.bytes()))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No avatar of '" + connectionId + "' is known; open its creator-info first.")));
    }

    @GetMapping("/api/ingest/publishes")
    Flux<PublishRecord> list(@RequestParam(required = false) String connectionId) {
        return publishing.list(connectionId, LIST_LIMIT);
    }

    @GetMapping("/api/ingest/publishes/{id}")
    Mono<PublishRecord> find(@PathVariable String id) {
        return publishing.find(id).switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No post '" + id + "'.")));
    }

    @ExceptionHandler(PostRejected.class)
    ProblemDetail rejected(PostRejected e) {
        return ProblemDetail.forStatusAndDetail(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                e.getMessage());
    }
}
