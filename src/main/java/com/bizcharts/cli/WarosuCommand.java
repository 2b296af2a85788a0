package com.bizcharts.cli;

import com.bizcharts.collect.warosu.WarosuImporter;
import com.bizcharts.collect.warosu.WarosuRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code bizcharts warosu}: imports historical /biz/ threads from the Warosu archive. */
@Command(name = "warosu", mixinStandardHelpOptions = true,
        description = "Import historical threads from Warosu: search by text or subject and dates, or browse index pages.")
final class WarosuCommand implements Callable<Integer> {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--search", paramLabel = "TEXT", description = "search post text") String search;
    @Option(names = "--subject", paramLabel = "TEXT", description = "search subjects") String subject;
    @Option(names = "--from", paramLabel = "DATE", description = "first posting day, YYYY-MM-DD") LocalDate from;
    @Option(names = "--to", paramLabel = "DATE", description = "last posting day, YYYY-MM-DD") LocalDate to;
    @Option(names = "--pages", paramLabel = "N", description = "at most N result (or index) pages") Integer pages;
    @Option(names = "--max", defaultValue = "1000", description = "at most this many threads (default ${DEFAULT-VALUE})") int max;
    @Option(names = "--continue", description = "resume an interrupted identical import, else start from the newest imported day")
    boolean continueRun;
    @Option(names = "--backfill", description = "import threads older than the oldest imported day") boolean backfill;
    @Option(names = "--threads", description = "also fetch each thread page for its reply count (slower)") boolean threads;
    @Option(names = "--no-score", description = "store only; do not score the imported posts with the active model")
    boolean noScore;

    @Override
    public Integer call() throws InterruptedException {
        if (continueRun && backfill) throw new IllegalArgumentException("--continue and --backfill go in opposite directions: pick one");
        WarosuImporter importer = root.engine().collecting().warosuImporter();
        WarosuRequest request = new WarosuRequest(search, subject, from, to, pages, max, threads);
        if (continueRun) request = importer.continuing(request);
        if (backfill) request = importer.backfilling(request);
        PrintWriter out = spec.commandLine().getOut();
        try (CliScoring scoring = noScore ? null : CliScoring.start(root.engine(), out)) {
            int code = importAndReport(importer, request, out);
            if (scoring != null) scoring.finish(java.time.Duration.ofHours(1));
            return code;
        }
    }

    private int importAndReport(WarosuImporter importer, WarosuRequest request, PrintWriter out) throws InterruptedException {
        // retries on stderr as they happen: an unreachable site says so within seconds, not after a silent minute
        PrintWriter err = spec.commandLine().getErr();
        Runnable quiet = importer.onRetry(n -> {
            err.println(n.describe());
            err.flush();
        });
        WarosuImporter.Result r;
        try {
            r = importer.run(request, continueRun, (done, stored, oldest) ->
                    out.printf("page %d: %d threads so far%s%n", done, stored, oldest == null ? "" : ", back to " + oldest), () -> false);
        } finally {
            quiet.run();
        }
        out.printf("run %d %s: %d pages, %d threads (%d new), %d thumbnails%n", r.runId(), r.status(), r.pages(),
                r.threads(), r.newThreads(), r.thumbnails());
        if (r.message() != null) {
            spec.commandLine().getErr().println("error: " + r.message() + " (run 'bizcharts warosu ... --continue' to resume)");
            return 1;
        }
        return 0;
    }
}
