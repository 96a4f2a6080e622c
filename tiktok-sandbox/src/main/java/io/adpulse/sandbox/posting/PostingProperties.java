package io.adpulse.sandbox.posting;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Content Posting settings, prefix {@code adpulse.sandbox.posting}.
 *
 * @param minChunkSize    smallest chunk of a FILE_UPLOAD in bytes (TikTok: 5 MB; a video below it is sent as one
 *                        chunk); tests lower it to upload small files in several chunks
 * @param maxChunkSize    largest chunk in bytes except the last (TikTok: 64 MB)
 * @param processingDelay how long TikTok "processes" a fully received video before it is published or failed
 * @param maxPullBytes    the most a PULL_FROM_URL download may read before it fails
 */
@Validated
@ConfigurationProperties("adpulse.sandbox.posting")
public record PostingProperties(
        @Min(1) @DefaultValue("5242880") long minChunkSize,
        @Min(1) @DefaultValue("67108864") long maxChunkSize,
        @NotNull @DefaultValue("2s") Duration processingDelay,
        @Min(1) @DefaultValue("268435456") long maxPullBytes) {
}
