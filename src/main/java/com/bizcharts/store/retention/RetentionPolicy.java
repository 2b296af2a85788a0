package com.bizcharts.store.retention;

import java.time.Duration;

/**
 * The prototype's retention policy: raw HTML 30 days (clean text forever), thread metadata one year, snapshots in
 * full for 7 days then hourly to 90 days then daily, threads with 50+ replies kept, labels never deleted, and
 * thumbnails pruned by age and a size budget.
 */
public record RetentionPolicy(Duration fullHtml, Duration threadMetadata, Duration snapshotsFull,
                              Duration snapshotsHourly, int keepThreadsWithReplies, Duration thumbnailMaxAge,
                              long thumbnailBudgetBytes) {
}
