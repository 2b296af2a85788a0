package com.bizcharts.cli;

import com.bizcharts.store.labels.LabelFiles;
import com.bizcharts.store.labels.LabelStats;
import com.bizcharts.store.labels.LabelTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bizcharts labels import|export|stats}: human labels in the shared JSON-lines format (or CSV). */
@Command(name = "labels", mixinStandardHelpOptions = true, description = "Import, export and count human labels.",
        subcommands = {LabelsCommand.Import.class, LabelsCommand.Export.class, LabelsCommand.Stats.class,
                LabelsCommand.AgreementCommand.class})
public final class LabelsCommand {

    @ParentCommand
    BizchartsCommand root;

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import labeled posts (FILE.jsonl in the biz-labels format, or FILE.csv): creates the posts with source 'import' and their labels.")
    static final class Import implements Callable<Integer> {
        @ParentCommand LabelsCommand labels;
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--labeler", paramLabel = "ID", description = "labeler id (default from settings [labeling])") String labeler;

        @Override
        public Integer call() {
            long t0 = System.nanoTime();
            var rows = LabelFiles.read(file);  // before the engine: a bad file must not create a database
            var engine = labels.root.engine();
            String who = labeler != null ? labeler : engine.settings().labeling().labelerId();
            LabelTransfer.ImportResult r = engine.labelling().labelTransfer().importRows(rows, who, Instant.now());
            double seconds = (System.nanoTime() - t0) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            // the rate only where it means something (a few rows' rate is the JVM's start-up)
            String rate = r.rows() >= 1000 ? String.format(Locale.ROOT, ", %.0f rows/s", r.rows() / Math.max(seconds, 1e-3)) : "";
            out.printf(Locale.ROOT, "imported %d rows as labeler '%s': %d new posts, %d new labels, %d already present (%.1f s%s)%n",
                    r.rows(), who, r.newPosts(), r.newLabels(), r.unchanged(), seconds, rate);
            if (!r.repeated().isEmpty()) {
                out.printf("%d %s rated more than once in the file (counted once, the first row kept):%n", r.repeated().size(),
                        r.repeated().size() == 1 ? "thread is" : "threads are");
                r.repeated().stream().limit(20).forEach(c -> out.println("  " + c));
            }
            if (!r.conflicts().isEmpty()) {
                out.printf("%d conflicts (existing labels were kept):%n", r.conflicts().size());
                r.conflicts().stream().limit(20).forEach(c -> out.println("  " + c));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export rated labels to FILE.jsonl or FILE.csv (the import format; a round trip is lossless).")
    static final class Export implements Callable<Integer> {
        @ParentCommand LabelsCommand labels;
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--labeler", paramLabel = "ID", description = "only this labeler's labels (default: all)") String labeler;

        @Override
        public Integer call() {
            LabelFiles.checkTarget(file);  // before the engine: refuse at once, and create nothing
            var rows = labels.root.existingEngine().labelling().labelTransfer().exportRows(labeler);
            LabelFiles.write(file, rows);
            spec.commandLine().getOut().printf("exported %d labels to %s%n", rows.size(), file);
            return 0;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Label counts by class, labeler and day.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand LabelsCommand labels;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LabelStats s = labels.root.existingEngine().labelling().labelStats();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%d rated, %d skipped%n", s.rated(), s.skipped());
            print(out, "by class", s.byClass());
            print(out, "by labeler", s.byLabeler());
            print(out, "by day", s.byDay());
            if (s.paceByLabeler().isEmpty()) {
                out.println("pace: no lead times yet (they are measured when labeling in the window)");
            } else {
                out.println("pace by labeler (time each post was on screen):");
                s.paceByLabeler().forEach((k, v) -> out.printf("  %-12s %s%n", k, v.describe()));
                out.println("pace by day:");
                s.paceByDay().forEach((k, v) -> out.printf("  %-12s %s%n", k, v.describe()));
            }
            return 0;
        }

        private static void print(PrintWriter out, String title, Map<String, Integer> m) {
            out.println(title + ":");
            m.forEach((k, v) -> out.printf("  %-12s %6d%n", k, v));
        }
    }

    @Command(name = "agreement", mixinStandardHelpOptions = true,
            description = "How far labelers agree: Cohen's kappa per pair, Fleiss' kappa and Krippendorff's alpha over posts "
                    + "rated more than once, and the humans against the teacher and the active model.")
    static final class AgreementCommand implements Callable<Integer> {
        @ParentCommand LabelsCommand labels;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            labels.root.existingEngine().labelling().agreement().lines().forEach(out::println);
            return 0;
        }
    }
}
