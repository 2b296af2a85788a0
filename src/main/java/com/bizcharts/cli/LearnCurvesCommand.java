package com.bizcharts.cli;

import com.bizcharts.learn.active.LearningCurves;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.embedded.NgramTextModel;
import com.bizcharts.sentiment.embedded.PostTraits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts learn curves}: active versus random labeling order on a labeled file (docs/active-learning.md). */
@Command(name = "curves", mixinStandardHelpOptions = true,
        description = "Learning curves of active versus random labeling order: macro-F1 on a held-out quarter after each batch.")
final class LearnCurvesCommand implements Callable<Integer> {

    @ParentCommand
    LearnCommand learn;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.jsonl") Path data;
    @Option(names = "--seeds", defaultValue = "3") int seeds;
    @Option(names = "--start", defaultValue = "50") int start;
    @Option(names = "--step", defaultValue = "50") int step;
    @Option(names = "--rounds", defaultValue = "9") int rounds;

    @Override
    public Integer call() {
        if (seeds < 1 || start < 10 || step < 1 || rounds < 1) throw new IllegalArgumentException("seeds, step and rounds must be positive, start at least 10");
        var posts = TrainingSet.fromFile(data).posts();
        if (start + step * (rounds - 1) > posts.size() * 3 / 4) throw new IllegalArgumentException("not enough posts for that many rounds");
        var curves = new LearningCurves(new PostTraits(learn.root.signals().lexicon()), NgramTextModel.Options.standard())
                .run(posts, seeds, start, step, rounds);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "| labels | random order macro-F1 | active order macro-F1 | difference |%n|---:|---:|---:|---:|%n");
        for (var p : curves) {
            out.printf(Locale.ROOT, "| %d | %.4f | %.4f | %+.4f |%n", p.labels(), p.randomF1(), p.activeF1(), p.activeF1() - p.randomF1());
        }
        return 0;
    }
}
