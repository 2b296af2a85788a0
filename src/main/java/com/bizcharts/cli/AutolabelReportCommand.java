package com.bizcharts.cli;

import com.bizcharts.learn.teacher.AgreementReport;
import com.bizcharts.learn.teacher.TeacherLabelRepository.TeacherKey;
import com.bizcharts.store.labels.SentimentLabel;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts autolabel report}: each teacher's agreement with the human labels. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "How far each teacher agrees with human labels: accuracy, Cohen's kappa, confusion.")
final class AutolabelReportCommand implements Callable<Integer> {

    @ParentCommand
    AutolabelCommand autolabel;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var repo = autolabel.root.engine().training().teacherLabels();
        PrintWriter out = spec.commandLine().getOut();
        var teachers = repo.teachers();
        if (teachers.isEmpty()) {
            out.println("no teacher labels yet: run 'bizcharts autolabel --provider ...'");
            return 0;
        }
        for (TeacherKey t : teachers) {
            AgreementReport r = repo.agreement(t);
            out.printf(Locale.ROOT, "%s/%s (prompt %s): %d teacher labels, %d also labeled by people%n",
                    t.provider().id(), t.model(), t.promptVersion(), repo.labels(t).size(), r.n());
            if (r.n() == 0) continue;
            out.printf(Locale.ROOT, "  accuracy %.3f, Cohen's kappa %.3f%n", r.accuracy(), r.kappa());
            out.println("  confusion (rows human, columns teacher):");
            out.printf(Locale.ROOT, "  %-8s %7s %7s %7s%n", "", "bearish", "neutral", "bullish");
            for (SentimentLabel h : SentimentLabel.values()) {
                int[] row = r.confusion()[h.index()];
                out.printf(Locale.ROOT, "  %-8s %7d %7d %7d%n", h.word(), row[0], row[1], row[2]);
            }
        }
        return 0;
    }
}
