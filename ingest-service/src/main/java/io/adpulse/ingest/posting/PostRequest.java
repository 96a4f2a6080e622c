package io.adpulse.ingest.posting;

/**
 * A Direct Post {@code video/init/} request: {@code post_info} and {@code source_info}, either a FILE_UPLOAD of
 * {@code videoSize} bytes in {@code totalChunkCount} chunks of {@code chunkSize} (the last one takes the rest) or a
 * PULL_FROM_URL of {@code videoUrl}.
 */
public record PostRequest(String title, String privacyLevel, boolean disableComment, boolean disableDuet,
        boolean disableStitch, Source source, Long videoSize, Long chunkSize, Integer totalChunkCount,
        String videoUrl) {

    /** Where TikTok gets the video. */
    public enum Source { FILE_UPLOAD, PULL_FROM_URL }
}
