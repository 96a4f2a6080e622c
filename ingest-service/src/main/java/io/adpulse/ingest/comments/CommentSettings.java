package io.adpulse.ingest.comments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Comment triage, prefix {@code adpulse.ingest.comments}.
 *
 * @param pollInterval how often the recent videos of every active creator connection are read for new comments
 * @param videos       how many of each creator's newest videos are read (1-20: one Display API page)
 * @param pages        comment pages (30 comments each) read per video, newest first
 */
@Validated
@ConfigurationProperties("adpulse.ingest.comments")
public record CommentSettings(
        @NotNull @DurationMin(millis = 100) Duration pollInterval,
        @Min(1) @Max(20) int videos,
        @Min(1) @Max(20) int pages) {
}
