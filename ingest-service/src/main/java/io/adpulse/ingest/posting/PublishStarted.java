package io.adpulse.ingest.posting;

import java.net.URI;

/** TikTok's answer to {@code video/init/}: the publish id, and for FILE_UPLOAD where to PUT the chunks. */
public record PublishStarted(String publishId, URI uploadUrl) {
}
