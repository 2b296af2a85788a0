package com.bizcharts.cli;

import com.bizcharts.store.StoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts stats}: counts by source and day, and sizes on disk. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Threads by source and day, labels, database and image sizes.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--days", defaultValue = "14", description = "recent posting days to list (default ${DEFAULT-VALUE})")
    int days;

    @Override
    public Integer call() {
        var engine = root.existingEngine();
        StoreStats s = engine.collecting().storeStats(days);
        PrintWriter out = spec.commandLine().getOut();
        out.println("threads by source:");
        if (s.threadsBySource().isEmpty()) out.println("  (none yet)");
        s.threadsBySource().forEach((k, v) -> out.printf(Locale.ROOT, "  %-8s %8d%n", k, v));
        out.println("threads by day (newest first):");
        s.threadsByDay().forEach((k, v) -> out.printf(Locale.ROOT, "  %s %6d%n", k, v));
        out.printf(Locale.ROOT, "labels: %d, catalog snapshots: %d%n", s.labels(), s.snapshots());
        out.printf(Locale.ROOT, "database: %.1f MB; images: %d files, %.1f MB%n",
                s.databaseBytes() / 1e6, s.imageFiles(), s.imageBytes() / 1e6);
        return 0;
    }
}
