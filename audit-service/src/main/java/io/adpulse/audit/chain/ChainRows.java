package io.adpulse.audit.chain;

import io.adpulse.audit.capture.CapturedRecord;
import io.adpulse.audit.capture.PayloadEncoding;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** How a chain entry is laid out in {@code audit_event}: the columns to select and how to read a row. */
public final class ChainRows {

    /** Every column of {@code audit_event}, in the order {@link #entry} reads them. */
    public static final String COLUMNS = "sequence, recorded_at, topic, kafka_partition, kafka_offset, record_key, "
            + "event_id, event_type, subject, event_time, actor, route, decision, valid, invalid_reason, "
            + "redacted_fields, payload_encoding, payload, prev_hash, hash, hash_format, payload_digest, erased_by";

    /** {@link #COLUMNS} and when the entry was pruned: what {@link #entry} reads. */
    public static final String READ_COLUMNS = COLUMNS + ", pruned_at";

    private ChainRows() {
    }

    /** The head in a row selected as {@code sequence, hash, updated_at} from {@code audit_chain_head}. */
    static ChainHead head(Readable row) {
        return new ChainHead(row.get("sequence", Long.class), row.get("hash", String.class),
                row.get("updated_at", Instant.class));
    }

    /** The entry in a row selected with {@link #READ_COLUMNS}. */
    public static ChainEntry entry(Readable row) {
        long sequence = row.get("sequence", Long.class);
        try {
            return read(sequence, row);
        } catch (RuntimeException e) {
            throw new UnreadableEntryException(sequence, e);
        }
    }

    private static ChainEntry read(long sequence, Readable row) {
        String[] redacted = row.get("redacted_fields", String[].class);
        Long erasedBy = row.get("erased_by", Long.class);
        PayloadEncoding stored = PayloadEncoding.valueOf(row.get("payload_encoding", String.class));
        Number format = row.get("hash_format", Number.class);
        CapturedRecord record = new CapturedRecord(
                row.get("topic", String.class),
                row.get("kafka_partition", Integer.class),
                row.get("kafka_offset", Long.class),
                row.get("record_key", String.class),
                row.get("event_id", String.class),
                row.get("event_type", String.class),
                row.get("subject", String.class),
                row.get("event_time", Instant.class),
                row.get("actor", String.class),
                row.get("route", String.class),
                row.get("decision", String.class),
                Boolean.TRUE.equals(row.get("valid", Boolean.class)),
                row.get("invalid_reason", String.class),
                redacted == null ? List.of() : Arrays.asList(redacted),
                erasedBy == null ? stored : PayloadEncoding.NONE,
                erasedBy == null ? row.get("payload", String.class) : null);
        return new ChainEntry(sequence, row.get("recorded_at", Instant.class), record,
                row.get("prev_hash", String.class), row.get("hash", String.class),
                format == null ? 1 : format.intValue(), stored, row.get("payload_digest", String.class), erasedBy,
                row.get("pruned_at", Instant.class));
    }
}
