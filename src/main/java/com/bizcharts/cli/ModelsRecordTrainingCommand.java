package com.bizcharts.cli;

import com.bizcharts.learn.train.TrainingPostIds;
import com.bizcharts.sentiment.embedded.ModelMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * {@code models record-training DIR [--data FILE]}: writes which posts a model was trained on into its metadata, for
 * models trained before that was recorded (how models/default got its {@code training.thread_ids}). Needs no
 * database: it reads the model directory and the labels file only.
 */
@Command(name = "record-training", mixinStandardHelpOptions = true,
        description = "Add the thread ids of the posts a model was trained on to its metadata.json, from the labels file its"
                + " metadata names (checked by SHA-256), without retraining: weights and id stay as they are.")
final class ModelsRecordTrainingCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the model directory")
    Path dir;

    @Option(names = "--data", paramLabel = "FILE.jsonl", description = "the labels file (default: the training source its metadata records)")
    Path data;

    @Override
    public void run() {
        ModelMetadata m = TrainingPostIds.record(dir, data);
        spec.commandLine().getOut().println("recorded " + m.training().threadIds().size() + " training posts of " + m.id()
                + " in " + dir.resolve(ModelMetadata.FILE));
    }
}
