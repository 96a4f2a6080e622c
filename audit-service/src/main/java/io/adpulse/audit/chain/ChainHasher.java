package io.adpulse.audit.chain;

import io.adpulse.audit.capture.CapturedRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The hash of a chain entry: {@code SHA-256(prev_hash || fields)} where {@code prev_hash} is the 32 bytes of
 * the previous entry's hash ({@link #GENESIS}, all zero, before the first entry) and {@code fields} is, in
 * this order, the format tag {@value #FORMAT}, sequence, recorded-at, topic, partition, offset, key, event
 * id, event type, subject, event time, actor, route, decision, valid, invalid reason, redacted fields,
 * payload encoding and payload, i.e. every column of the row but the hashes themselves.
 *
 * <p>Each field is written unambiguously: a byte {@code 0} for null, or a byte {@code 1}, the length of its
 * UTF-8 bytes as a 4-byte big-endian integer and those bytes. Numbers and booleans are written as their
 * decimal / {@code true}/{@code false} text, instants as ISO-8601 UTC ({@link Instant#toString()}), the list
 * of redacted fields as its count followed by each name. So no two different rows share an encoding.
 */
public final class ChainHasher {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** Names this encoding, so that a later one cannot be confused with it. */
    static final String FORMAT = "adpulse-audit-chain/v1";

    /**
     * Format 2: the same fields in the same order, but the payload is replaced by the lower-case hex SHA-256 of its
     * UTF-8 bytes ({@link #payloadDigest}; null without a payload). The payload can then be erased (privacy) while
     * the stored digest keeps the entry, and so the chain, verifiable.
     */
    static final String FORMAT_V2 = "adpulse-audit-chain/v2";

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private ChainHasher() {
    }

    /** The lower-case hex SHA-256 of the entry that follows {@code prevHash}, in format 1. */
    public static String hash(String prevHash, long sequence, Instant recordedAt, CapturedRecord r) {
        return fields(FORMAT, prevHash, sequence, recordedAt, r)
                .text(r.payloadEncoding().name())
                .text(r.payload())
                .hex();
    }

    /**
     * The format 2 hash of the entry that follows {@code prevHash}: {@code r}'s fields but its payload, then
     * {@code payloadEncoding} and {@code payloadDigest} (what was stored when the entry was appended; the payload may
     * have been erased since).
     */
    public static String hashV2(String prevHash, long sequence, Instant recordedAt, CapturedRecord r,
            String payloadEncoding, String payloadDigest) {
        return fields(FORMAT_V2, prevHash, sequence, recordedAt, r)
                .text(payloadEncoding)
                .text(payloadDigest)
                .hex();
    }

    /** Names the encoding of a checkpoint's hash. */
    static final String CHECKPOINT_FORMAT = "adpulse-audit-checkpoint/v1";

    /**
     * The lower-case hex SHA-256 that commits to a checkpoint: the texts {@value #CHECKPOINT_FORMAT}, the sequence, the
     * head hash, the entries since the previous checkpoint, the time (ISO-8601 UTC), the previous checkpoint's
     * sequence and its hash ({@link #GENESIS} for the first), each written as every field of an entry (a byte 1, the
     * 4-byte big-endian length, the UTF-8 bytes). Published with the checkpoint, so anyone can recompute it.
     */
    public static String checkpointHash(long sequence, String headHash, long entries, Instant checkpointedAt,
            long previousSequence, String previousCheckpointHash) {
        return new Fields(sha256())
                .text(CHECKPOINT_FORMAT)
                .text(Long.toString(sequence))
                .text(headHash)
                .text(Long.toString(entries))
                .text(checkpointedAt.toString())
                .text(Long.toString(previousSequence))
                .text(previousCheckpointHash)
                .hex();
    }

    /** The lower-case hex SHA-256 of the payload's UTF-8 bytes; null for no payload. */
    public static String payloadDigest(String payload) {
        return payload == null ? null : HEX.formatHex(sha256().digest(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static Fields fields(String format, String prevHash, long sequence, Instant recordedAt, CapturedRecord r) {
        if (prevHash == null || !HASH.matcher(prevHash).matches()) {
            throw new IllegalArgumentException("previous hash must be 64 lower-case hex digits");
        }
        Fields fields = new Fields(sha256());
        fields.digest.update(HEX.parseHex(prevHash));
        return fields.text(format)
                .text(Long.toString(sequence))
                .text(recordedAt.toString())
                .text(r.topic())
                .text(Integer.toString(r.partition()))
                .text(Long.toString(r.offset()))
                .text(r.key())
                .text(r.eventId())
                .text(r.eventType())
                .text(r.subject())
                .text(r.eventTime() == null ? null : r.eventTime().toString())
                .text(r.actor())
                .text(r.route())
                .text(r.decision())
                .text(Boolean.toString(r.valid()))
                .text(r.invalidReason())
                .list(r.redactedFields());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Fields(MessageDigest digest) {

        Fields text(String value) {
            if (value == null) {
                digest.update((byte) 0);
                return this;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 1);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            digest.update(bytes);
            return this;
        }

        Fields list(List<String> values) {
            text(Integer.toString(values.size()));
            values.forEach(this::text);
            return this;
        }

        String hex() {
            return HEX.formatHex(digest.digest());
        }
    }
}
