package com.bizcharts.cli;

import com.bizcharts.learn.retrain.GuardedRetrain;
import com.bizcharts.learn.retrain.UnseenGolden;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts learn retrain}: trains a candidate from all sources and promotes it only if the golden set agrees. */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Retrain from human, teacher, pseudo and replayed labels; promote only if macro-F1 on the golden posts"
                + " neither model trained on does not drop (no verdict when fewer than " + UnseenGolden.MINIMUM + " remain).")
final class LearnRetrainCommand implements Callable<Integer> {

    @ParentCommand
    LearnCommand learn;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--teacher-min", paramLabel = "CONF", description = "minimum teacher confidence (default from settings [learning])")
    Double teacherMin;

    @Option(names = "--no-pseudo", description = "do not add the active model's confident pseudo-labels")
    boolean noPseudo;

    @Option(names = "--augment", description = "also train on a weakly augmented copy of each pseudo-labeled post")
    boolean augment;

    @Override
    public Integer call() {
        var engine = learn.root.engine();
        var s = engine.settings().learning();
        GuardedRetrain.Options o = new GuardedRetrain.Options(teacherMin != null ? teacherMin : s.teacherMinConfidence(),
                !noPseudo && s.usePseudoLabels(), s.replayCapacity(), s.replayShare(), s.goldenFraction(), 42, augment);
        GuardedRetrain.Outcome r = engine.training().guardedRetrain().run(o);
        PrintWriter out = spec.commandLine().getOut();
        out.println("lineage: " + r.lineage());
        out.println("judged on: " + r.judgedOn().describe());
        if (r.decided()) {
            out.printf(Locale.ROOT, "candidate %s: golden accuracy %.4f, macro-F1 %.4f%n", r.candidateId(),
                    r.candidate().accuracy(), r.candidate().macroF1());
            out.printf(Locale.ROOT, "active    %s: golden accuracy %.4f, macro-F1 %.4f%n", r.activeId(),
                    r.active().accuracy(), r.active().macroF1());
        } else {
            out.println("candidate " + r.candidateId() + ": registered, not activated; active " + r.activeId() + " kept");
        }
        out.println(r.reason());
        return 0;
    }
}
