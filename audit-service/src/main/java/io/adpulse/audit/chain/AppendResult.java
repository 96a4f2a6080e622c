package io.adpulse.audit.chain;

import io.adpulse.audit.capture.CapturedRecord;
import java.util.List;

/** What an append did: the entries it added, and the records it skipped because they were already stored. */
public record AppendResult(List<ChainEntry> appended, List<CapturedRecord> duplicates) {

    public AppendResult {
        appended = List.copyOf(appended);
        duplicates = List.copyOf(duplicates);
    }
}
