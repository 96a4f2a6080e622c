package io.adpulse.ingest.media;

import java.time.Instant;

/** An uploaded video, stored in {@code chunkCount} chunks of {@code chunkBytes} (the last one shorter). */
public record StoredMedia(String id, String fileName, String contentType, long sizeBytes, int chunkBytes,
        int chunkCount, String sha256, String uploadedBy, Instant createdAt) {
}
