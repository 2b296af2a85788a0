package com.bizcharts.cli;

import com.bizcharts.store.Coverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code bizcharts coverage}: the posting dates the store covers per source, and the gaps. */
@Command(name = "coverage", mixinStandardHelpOptions = true, description = "Covered date ranges per source, and gaps (days without threads).")
final class CoverageCommand implements Callable<Integer> {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Coverage c = root.existingEngine().collecting().coverage();
        PrintWriter out = spec.commandLine().getOut();
        if (c.sources().isEmpty()) out.println("no threads yet");
        for (Coverage.SourceCoverage s : c.sources()) {
            out.printf("%s: %s to %s, %d threads on %d days, %d gaps%n", s.source(), s.first(), s.last(), s.threads(),
                    s.daysWithThreads(), s.gaps().size());
            s.gaps().stream().limit(20).forEach(g -> out.printf("  gap %s to %s (%d days)%n", g.from(), g.to(), g.days()));
        }
        return 0;
    }
}
