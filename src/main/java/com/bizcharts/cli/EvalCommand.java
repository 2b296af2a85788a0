package com.bizcharts.cli;

import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.embedded.ModelFiles;
import com.bizcharts.sentiment.onnx.OnnxStudentModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code eval}: measures a model on labeled posts: an embedded model, or an ONNX student pulled from remote training. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model on labeled posts: accuracy, macro-F1, per-class precision/recall/F1, confusion.")
public final class EvalCommand implements Runnable {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "model directory (embedded, or an ONNX student)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE.jsonl", description = "labeled posts")
    Path data;

    @Option(names = "--json", description = "print one JSON object (accuracy, macro_f1, per_class, confusion)")
    boolean json;

    @Override
    public void run() {
        if (!Files.isDirectory(model)) throw new IllegalArgumentException("model directory not found: " + model);
        List<LabeledPost> posts = TrainingSet.fromFile(data).posts();
        String id;
        EvaluationReport report;
        try (SentimentModel m = open()) {
            id = m.id();
            report = CandidateEvaluation.score(m, posts);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            var node = report.toJson();
            node.put("model", id);
            w.println(node.toString());
        } else {
            w.println("model     " + id);
            w.print(report.toText());
        }
        w.flush();
    }

    private SentimentModel open() {
        if (OnnxStudentModel.isStudentDirectory(model)) return new OnnxStudentModel(model);
        return EmbeddedModelFormat.load(ModelFiles.directory(model), root.signals().lexicon(),
                root.signals().images(), root.signals().encoders());
    }
}
