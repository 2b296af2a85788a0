package com.bizcharts.sentiment.hub;

/**
 * Where a {@link ModelFetch} stands, immutable so any thread may read it.
 *
 * @param file      the repository path being fetched, or null before the first file and after the last
 * @param fileIndex 1-based, of {@code files}
 * @param bytes     bytes of the file in place so far
 * @param total     the file's size, -1 while it is not known
 * @param news      the line the fetch just reported (the CLI prints each one, the view shows the latest); null when
 *                  only the bytes moved
 */
public record FetchStatus(String model, String file, int fileIndex, int files, long bytes, long total, String news) {

    /** 0..1 of the current file, -1 when its size is not known. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) bytes / total) : -1;
    }

    /** "[2/4] onnx/text_model.onnx: 12.3 of 254.0 MB" (or the bytes alone while the size is unknown). */
    public String progressLine() {
        if (file == null) return model;
        return "[" + fileIndex + "/" + files + "] " + file + ": " + (total > 0 ? megabytes(bytes) + " of " + megabytes(total)
                : megabytes(bytes));
    }

    static String megabytes(long bytes) {
        return bytes < 1_000_000 ? String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1e3)
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
