package com.bizcharts.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Heap figures for a benchmark step: what stays used after a full GC (what the result holds on to) and the peak the
 * heap pools reached during the step (what the step needed on the way). Peaks are per pool and summed, so they can
 * only overstate the true peak a little.
 */
final class HeapGauge {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    /** Collects garbage and starts a new peak. */
    void reset() {
        settle();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    long peakBytes() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Used heap after a full collection. */
    long usedAfterGcBytes() {
        settle();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The process's peak resident set (Linux's VmHWM), or -1 where /proc is not there. */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static void settle() {
        // Two collections: the first may only queue finalizable or weakly held objects.
        System.gc();
        System.gc();
    }
}
