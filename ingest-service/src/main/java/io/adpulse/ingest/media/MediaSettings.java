package io.adpulse.ingest.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Uploaded videos, prefix {@code adpulse.ingest.media}.
 *
 * @param maxBytes     largest video accepted ({@code ADPULSE_INGEST_MEDIA_MAX_BYTES}); larger uploads are refused
 *                     with 413 (TikTok accepts up to 4 GB; keep the gateway's media limit in step)
 * @param chunkBytes   size of the stored chunks and of the FILE_UPLOAD chunks sent to TikTok (5-64 MB at TikTok; a
 *                     video smaller than one chunk is sent whole)
 * @param contentTypes accepted video types; the file's first bytes must match (MP4/QuickTime {@code ftyp}, WebM)
 */
@Validated
@ConfigurationProperties("adpulse.ingest.media")
public record MediaSettings(
        @Min(1) long maxBytes,
        @Min(1) @Max(64 * 1024 * 1024) int chunkBytes,
        @NotEmpty List<String> contentTypes) {
}
