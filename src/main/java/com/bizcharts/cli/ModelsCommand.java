package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.onnx.OnnxModels;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code models list | register DIR | activate ID|DIR | rollback | record-training DIR | fetch NAME}: the model registry. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List, register, activate, roll back and fetch models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Register.class, ModelsCommand.Activate.class,
                ModelsCommand.Rollback.class, ModelsRecordTrainingCommand.class, ModelsFetchCommand.class})
public final class ModelsCommand {

    @ParentCommand
    BizchartsCommand root;

    @Command(name = "list", description = "Registered models, newest first; * marks the active one.")
    static final class ListModels implements Runnable {
        @ParentCommand
        ModelsCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Engine engine = parent.root.engine();
            PrintWriter w = spec.commandLine().getOut();
            var current = engine.scoring().activeModel().get(); // registers the shipped default when nothing is active yet
            var models = engine.scoring().models().list();
            if (current.problem() != null) w.println("warning: " + current.problem());
            w.printf(Locale.ROOT, "  %-22s %-9s %-20s %6s %8s %8s  %s%n", "id", "kind", "created", "posts", "accuracy", "macroF1", "path");
            for (RegisteredModel m : models) {
                w.printf(Locale.ROOT, "%s %-22s %-9s %-20s %6s %8s %8s  %s%n", m.active() ? "*" : " ", m.id(), m.kind(),
                        m.createdAt(), m.trainingSize() == null ? "-" : m.trainingSize(), fmt(m.accuracy()),
                        fmt(m.macroF1()), m.path());
            }
        }

        private static String fmt(Double d) {
            return d == null ? "-" : String.format(Locale.ROOT, "%.4f", d);
        }
    }

    @Command(name = "register", description = "Add a model directory to the registry without activating it "
            + "(an ONNX directory is recorded as onnx-text/onnx-image/sentence-encoder; fuse a signal via [signals] in the settings).")
    static final class Register implements Runnable {
        @ParentCommand
        ModelsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Override
        public void run() {
            RegisteredModel m = parent.register(dir);
            spec.commandLine().getOut().println("registered " + m.id() + " (" + m.path() + ")");
        }
    }

    @Command(name = "activate", description = "Make a model the one that scores posts (an id from 'models list', or a model directory).")
    static final class Activate implements Runnable {
        @ParentCommand
        ModelsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID|DIR")
        String target;

        @Override
        public void run() {
            Engine engine = parent.root.engine();
            engine.scoring().activeModel().get(); // the shipped default is registered first, so a rollback can return to it
            String id = Files.isDirectory(Path.of(target)) ? parent.register(Path.of(target)).id() : target;
            engine.scoring().activeModel().activate(id);
            spec.commandLine().getOut().println("active model: " + id + " (a running workstation or 'live' rescores every post"
                    + " with it in the background; here, 'score' does)");
        }
    }

    @Command(name = "rollback", description = "Re-activate the model that was active before the current one.")
    static final class Rollback implements Runnable {
        @ParentCommand
        ModelsCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Engine engine = parent.root.engine();
            engine.scoring().activeModel().get();
            RegisteredModel m = engine.scoring().activeModel().rollback();
            spec.commandLine().getOut().println("active model: " + m.id());
        }
    }

    /** An embedded model directory, or an ONNX one (recorded as a signal model under its content id). */
    RegisteredModel register(Path dir) {
        Engine engine = root.engine();
        String location = dir.toAbsolutePath().normalize().toString();
        String onnx = OnnxModels.kindOf(dir);
        if (onnx != null) return engine.scoring().models().registerSignalModel(OnnxModels.id(dir), onnx, location);
        EmbeddedModel model = engine.scoring().modelLoader().load(location);
        return engine.scoring().models().register(model.metadata(), location);
    }
}
