package io.adpulse.ingest.posting;

import io.adpulse.ingest.command.TikTokCall;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Direct Post {@code video/init/} request: {@code post_info} and {@code source_info}, either a FILE_UPLOAD of
 * {@code videoSize} bytes in {@code totalChunkCount} chunks of {@code chunkSize} (the last one takes the rest) or a
 * PULL_FROM_URL of {@code videoUrl}. {@link #call()} is the exact call, shown by a dry run and sent by the post.
 */
public record PostRequest(String title, String privacyLevel, boolean disableComment, boolean disableDuet,
        boolean disableStitch, Source source, Long videoSize, Long chunkSize, Integer totalChunkCount,
        String videoUrl) {

    /** TikTok's Direct Post endpoint. */
    public static final String INIT = "/v2/post/publish/video/init/";

    /** Where TikTok gets the video. */
    public enum Source { FILE_UPLOAD, PULL_FROM_URL }

    /** {@code POST /v2/post/publish/video/init/} with this request's body. */
    public TikTokCall call() {
        return TikTokCall.openApiPost(INIT, body());
    }

    Map<String, Object> body() {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("title", title == null ? "" : title);
        post.put("privacy_level", privacyLevel);
        post.put("disable_duet", disableDuet);
        post.put("disable_comment", disableComment);
        post.put("disable_stitch", disableStitch);
        Map<String, Object> sourceInfo = new LinkedHashMap<>();
        sourceInfo.put("source", source.name());
        if (source == Source.FILE_UPLOAD) {
            sourceInfo.put("video_size", videoSize);
            sourceInfo.put("chunk_size", chunkSize);
            sourceInfo.put("total_chunk_count", totalChunkCount);
        } else {
            sourceInfo.put("video_url", videoUrl);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("post_info", post);
        body.put("source_info", sourceInfo);
        return body;
    }
}
