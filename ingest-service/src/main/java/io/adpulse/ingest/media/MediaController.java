package io.adpulse.ingest.media;

import io.adpulse.ingest.web.WriteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/ingest/media?fileName=clip.mp4} with the video as the body ({@code Content-Type} one of the
 * accepted video types) stores it and answers 201 with its id, which a post command references. Files travel over
 * HTTP (through the gateway), never over Kafka. 413 above the size limit, 415 for another type or content that is
 * not the declared type. {@code GET /api/ingest/media/{id}} describes a stored video.
 */
@RestController
@RequestMapping("/api/ingest/media")
class MediaController {

    private static final int MAX_NAME = 255;

    private final MediaStore store;

    MediaController(MediaStore store) {
        this.store = store;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<StoredMedia> upload(ServerHttpRequest request,
            @RequestParam(name = "fileName", required = false) String fileName,
            @RequestHeader(name = WriteAccess.ACTOR_HEADER, required = false) String actor,
            @RequestHeader(name = WriteAccess.ROLES_HEADER, required = false) String roles) {
        WriteAccess.require(roles);
        MediaType type = request.getHeaders().getContentType();
        String contentType = type == null ? null : type.getType() + "/" + type.getSubtype();
        if (!store.accepts(contentType)) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Upload a video (" + String.join(", ", acceptedTypes()) + "); got "
                            + (contentType == null ? "no Content-Type" : contentType) + ".");
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > store.maxBytes()) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "The video is " + declared + " bytes; at most " + store.maxBytes() + " are accepted.");
        }
        String name = fileName == null || fileName.isBlank() ? "video" : fileName.strip();
        if (name.length() > MAX_NAME || name.chars().anyMatch(c -> c < 0x20)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "fileName must be at most " + MAX_NAME + " printable characters.");
        }
        return store.store(request.getBody(), name, contentType, WriteAccess.actor(actor));
    }

    @GetMapping("/{id}")
    Mono<StoredMedia> find(@PathVariable String id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No uploaded video '" + id + "'.")));
    }

    private java.util.List<String> acceptedTypes() {
        return store.contentTypes();
    }
}
