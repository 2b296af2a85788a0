package com.bizcharts.cli;

import com.bizcharts.learn.golden.GoldenSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bizcharts learn golden}: shows or tops up the frozen human test set. */
@Command(name = "golden", mixinStandardHelpOptions = true,
        description = "Show the frozen golden test set, or top it up with --freeze.")
final class LearnGoldenCommand implements Callable<Integer> {

    @ParentCommand
    LearnCommand learn;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--freeze", paramLabel = "FRACTION", description = "top the set up to this share of human-rated posts, e.g. 0.2")
    Double freeze;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the stratified draw (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        GoldenSet golden = learn.root.engine().training().goldenSet();
        if (freeze != null) {
            int added = golden.freeze(freeze, seed);
            spec.commandLine().getOut().println("added " + added + " posts to the golden set");
        }
        spec.commandLine().getOut().println("golden set: " + golden.threadIds().size() + " posts (kept out of every retrain's training)");
        return 0;
    }
}
