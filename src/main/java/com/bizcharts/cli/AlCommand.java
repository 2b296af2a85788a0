package com.bizcharts.cli;

import com.bizcharts.learn.active.ActiveLearningQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts al suggest --n 50}: the posts the active model most needs a person to label. */
@Command(name = "al", mixinStandardHelpOptions = true, description = "Active learning.", subcommands = AlCommand.Suggest.class)
public final class AlCommand {

    @ParentCommand
    BizchartsCommand root;

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = "Print the unlabeled posts to label next (uncertain and diverse first).")
    static final class Suggest implements Callable<Integer> {
        @ParentCommand AlCommand al;
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Option(names = "--n", defaultValue = "50", description = "how many (default ${DEFAULT-VALUE})") int n;
        @Option(names = "--pool", defaultValue = "5000", description = "newest unlabeled posts considered (default ${DEFAULT-VALUE})") int pool;

        @Override
        public Integer call() {
            if (n < 1 || pool < 1) throw new IllegalArgumentException("--n and --pool must be at least 1");
            var engine = al.root.engine();
            var model = engine.scoring().activeModel().get().model();
            var list = engine.training().activeLearningQueue().suggest(model, n, pool);
            PrintWriter out = spec.commandLine().getOut();
            if (list.isEmpty()) out.println("no unlabeled posts");
            out.printf(Locale.ROOT, "%-12s %8s %11s %7s  %s%n", "thread", "priority", "uncertainty", "cluster", "text");
            for (var s : list) {
                String text = s.post().fullText().replace('\n', ' ');
                out.printf(Locale.ROOT, "%-12d %8.3f %11.3f %7d  %s%n", s.post().threadId(), s.priority(), s.uncertainty(),
                        s.cluster(), text.length() > 70 ? text.substring(0, 70) + "…" : text);
            }
            return 0;
        }
    }
}
