package io.adpulse.ingest.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores uploaded videos in PostgreSQL, {@code chunk-bytes} per row, as they stream in (a video is never held whole
 * in memory), with their SHA-256; checks the size limit while reading (413) and the first bytes against the declared
 * type (415). Reads them back chunk by chunk for TikTok's FILE_UPLOAD.
 */
@Service
public class MediaStore {

    private final DatabaseClient db;
    private final MediaSettings settings;
    private final Clock clock;

    MediaStore(DatabaseClient db, MediaSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether {@code contentType} is one of the accepted video types. */
    boolean accepts(String contentType) {
        return contentType != null && settings.contentTypes().contains(contentType);
    }

    java.util.List<String> contentTypes() {
        return settings.contentTypes();
    }

    long maxBytes() {
        return settings.maxBytes();
    }

    /** Stores the streamed video; a failure deletes what was written. */
    Mono<StoredMedia> store(Flux<DataBuffer> body, String fileName, String contentType, String uploadedBy) {
        String id = UUID.randomUUID().toString();
        Chunker chunker = new Chunker(settings.chunkBytes(), settings.maxBytes(), contentType);
        return body
                .concatMap(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return Flux.fromIterable(chunker.accept(bytes));
                })
                .concatWith(Flux.defer(() -> Flux.fromIterable(chunker.finish())))
                .index()
                .concatMap(chunk -> db.sql("insert into media_chunk (media_id, idx, bytes) values (:id, :idx, :bytes)")
                        .bind("id", id).bind("idx", chunk.getT1().intValue()).bind("bytes", ByteBuffer.wrap(chunk.getT2()))
                        .then())
                .then(Mono.defer(() -> {
                    StoredMedia media = new StoredMedia(id, fileName, contentType, chunker.size(), settings.chunkBytes(),
                            chunker.chunks(), chunker.sha256(), uploadedBy, clock.instant());
                    return db.sql("insert into media (id, file_name, content_type, size_bytes, chunk_bytes, chunk_count,"
                                    + " sha256, uploaded_by, created_at) values (:id, :name, :type, :size, :chunk,"
                                    + " :count, :sha, :by, :at)")
                            .bind("id", id).bind("name", fileName).bind("type", contentType)
                            .bind("size", media.sizeBytes()).bind("chunk", media.chunkBytes())
                            .bind("count", media.chunkCount()).bind("sha", media.sha256()).bind("by", uploadedBy)
                            .bind("at", media.createdAt())
                            .then().thenReturn(media);
                }))
                .onErrorResume(e -> db.sql("delete from media_chunk where media_id = :id").bind("id", id).then()
                        .onErrorResume(cleanup -> Mono.empty())
                        .then(Mono.error(e)));
    }

    public Mono<StoredMedia> find(String id) {
        return db.sql("select * from media where id = :id").bind("id", id)
                .map((row, meta) -> new StoredMedia(row.get("id", String.class), row.get("file_name", String.class),
                        row.get("content_type", String.class), row.get("size_bytes", Long.class),
                        row.get("chunk_bytes", Integer.class), row.get("chunk_count", Integer.class),
                        row.get("sha256", String.class), row.get("uploaded_by", String.class),
                        row.get("created_at", Instant.class)))
                .one();
    }

    /** Stored chunk {@code index} of the video. */
    public Mono<byte[]> chunk(String mediaId, int index) {
        return db.sql("select bytes from media_chunk where media_id = :id and idx = :idx")
                .bind("id", mediaId).bind("idx", index)
                .map((row, meta) -> {
                    ByteBuffer buffer = row.get("bytes", ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                })
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Chunk " + index + " of media " + mediaId
                        + " is missing")));
    }

    /** Cuts the stream into chunks, counts, hashes and checks the limit and the file signature. */
    static final class Chunker {

        private final int chunkBytes;
        private final long maxBytes;
        private final String contentType;
        private final MessageDigest sha;
        private ByteArrayOutputStream current = new ByteArrayOutputStream();
        private long size;
        private int chunks;
        private boolean sniffed;

        Chunker(int chunkBytes, long maxBytes, String contentType) {
            this.chunkBytes = chunkBytes;
            this.maxBytes = maxBytes;
            this.contentType = contentType;
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        List<byte[]> accept(byte[] bytes) {
            size += bytes.length;
            if (size > maxBytes) {
                throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                        "The video is larger than the " + maxBytes + " bytes accepted.");
            }
            sha.update(bytes);
            List<byte[]> full = new ArrayList<>();
            int at = 0;
            while (at < bytes.length) {
                int take = Math.min(bytes.length - at, chunkBytes - current.size());
                current.write(bytes, at, take);
                at += take;
                if (current.size() == chunkBytes) {
                    full.add(emit());
                }
            }
            return full;
        }

        List<byte[]> finish() {
            if (current.size() > 0) {
                return List.of(emit());
            }
            if (size == 0) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The upload is empty.");
            }
            return List.of();
        }

        private byte[] emit() {
            byte[] chunk = current.toByteArray();
            current = new ByteArrayOutputStream();
            if (!sniffed) {
                sniffed = true;
                if (!signatureMatches(contentType, chunk)) {
                    throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "The file's content is not a " + contentType + " video.");
                }
            }
            chunks++;
            return chunk;
        }

        long size() {
            return size;
        }

        int chunks() {
            return chunks;
        }

        String sha256() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** MP4 and QuickTime files start with a box whose type is {@code ftyp}; WebM with the EBML magic 1A 45 DF A3. */
    static boolean signatureMatches(String contentType, byte[] head) {
        if (contentType.equals("video/webm")) {
            return head.length >= 4 && (head[0] & 0xff) == 0x1a && (head[1] & 0xff) == 0x45
                    && (head[2] & 0xff) == 0xdf && (head[3] & 0xff) == 0xa3;
        }
        return head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
    }
}
