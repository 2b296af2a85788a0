package com.bizcharts.store.retention;

/** What a maintenance run did, or with {@code dryRun} would do. */
public record RetentionReport(boolean dryRun, int htmlStripped, int threadsDeleted, int snapshotsToHourly,
                              int snapshotsToDaily, int thumbnailsDeleted, long thumbnailBytesFreed) {

    public String describe() {
        String verb = dryRun ? "would " : "";
        return """
                %sstrip raw HTML from %d threads older than the HTML window
                %sdelete %d threads older than the metadata window (labeled and busy threads are kept)
                %sthin %d snapshots to hourly and %d to daily
                %sdelete %d thumbnails (%.1f MB)""".formatted(verb, htmlStripped, verb, threadsDeleted, verb,
                snapshotsToHourly, snapshotsToDaily, verb, thumbnailsDeleted, thumbnailBytesFreed / 1e6);
    }
}
