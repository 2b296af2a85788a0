package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.remote.HostKeyTrust;
import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.RemoteRun;
import com.bizcharts.remote.RemoteTrainingJob;
import com.bizcharts.remote.RemoteTrainingPlan;
import com.bizcharts.remote.RemoteTrainingStatus;
import com.bizcharts.remote.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/** {@code remote train | status | pull | evaluate | serve | stop | pods}: training on a GPU machine over SSH or on RunPod. */
@Command(name = "remote", mixinStandardHelpOptions = true,
        description = "Train the vision-language model on a remote GPU (any SSH box, or a RunPod pod) and pull it back.",
        subcommands = {RemoteTrainCommand.class, RemoteCommand.Status.class, RemoteCommand.Pull.class,
                RemoteCommand.Evaluate.class, RemoteServeCommand.class, RemoteCommand.Stop.class, RemoteCommand.Pods.class})
public final class RemoteCommand {

    @ParentCommand
    BizchartsCommand root;

    Engine engine() { return root.engine(); }

    /** New host keys: accepted with the flag, asked on the terminal otherwise, refused when nobody can answer. */
    static HostKeyTrust.FirstUse firstUse(boolean acceptNew, PrintWriter w) {
        return (host, type, fingerprint) -> {
            w.println("host " + host + " is not in known_hosts; its " + type + " key fingerprint is " + fingerprint);
            if (acceptNew) {
                w.println("trusting it (--accept-new-host-key) and recording it in known_hosts");
                return true;
            }
            if (System.console() == null) {
                w.println("refused: check the fingerprint, then rerun with --accept-new-host-key");
                return false;
            }
            w.print("trust this host? [y/N] ");
            w.flush();
            try {
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
            } catch (java.io.IOException e) {
                return false;
            }
        };
    }

    static Duration poll(Engine engine) {
        return Duration.ofMillis(Math.max(50, engine.settings().remote().pollSeconds() * 1000));
    }

    static RemoteRun run(Engine engine, String runId) {
        return runId == null ? engine.remote().remoteTraining().runs().latest()
                .orElseThrow(() -> new IllegalArgumentException("no remote runs yet (see 'remote train')"))
                : engine.remote().remoteTraining().find(runId);
    }

    /**
     * Runs the engine's remote-training job to its end, printing each line it reports; a run that failed or was
     * cancelled ends the command with its reason (bad input exits 2, as everywhere).
     */
    static void runJob(Engine engine, RemoteTrainingPlan plan, HostKeyTrust.FirstUse firstUse, PrintWriter w) {
        RemoteTrainingJob job = engine.remote().remoteTrainingJob();
        job.addListener(s -> {
            if (s.news() != null) w.println(s.news());
        });
        RemoteTrainingStatus end = job.run(plan, firstUse);
        if (end.state() == RemoteTrainingStatus.State.CANCELLED)
            throw new IllegalStateException("remote training cancelled: " + end.failure().text());
        if (end.state() == RemoteTrainingStatus.State.FAILED) {
            if (end.failure().badInput()) throw new IllegalArgumentException(end.failure().text());
            throw new IllegalStateException(end.failure().text());
        }
    }

    /** Prints a progress line when the step changes (not on every poll), and any other line once. */
    static final class ProgressPrinter implements Consumer<TrainingProgress> {
        private final PrintWriter w;
        private long lastStep = -1;
        private String lastLine;

        ProgressPrinter(PrintWriter w) { this.w = w; }

        @Override
        public void accept(TrainingProgress p) {
            if (p.step() != lastStep && p.state() == TrainingProgress.State.RUNNING) {
                lastStep = p.step();
                print(p.summary());
            }
        }

        /** Prints the line unless it is the one just printed (the live line, then the same line as the end). */
        void print(String line) {
            if (line.equals(lastLine)) return;
            w.println(line);
            lastLine = line;
        }
    }

    /** Releases the run's pod (terminate by default), if we launched one. */
    static void releasePod(Engine engine, RemoteRun run, PrintWriter w) {
        if (run.podId() == null) return;
        w.println(engine.remote().podLauncher().release(run.podId()));
        w.printf(Locale.ROOT, "pod cost so far: about $%.2f%n",
                PodLauncher.cost(run.costPerHour(), Instant.parse(run.startedAt()), engine.remote().clock().instant()));
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Where the latest (or the named) run stands; --follow reattaches until it ends.")
    static final class Status implements Runnable {
        @ParentCommand RemoteCommand parent;
        @Spec CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "RUN") String runId;
        @Option(names = "--follow", description = "keep following the log until the run ends") boolean follow;
        @Option(names = "--accept-new-host-key") boolean acceptNew;

        @Override
        public void run() {
            Engine engine = parent.engine();
            PrintWriter w = spec.commandLine().getOut();
            RemoteRun run = RemoteCommand.run(engine, runId);
            w.printf(Locale.ROOT, "run %s on %s@%s:%d: %s (%s%s)%n", run.runId(), run.user(), run.host(), run.port(),
                    run.status(), run.stepText(), run.loss() == null ? "" : String.format(Locale.ROOT, ", loss %.4f", run.loss()));
            if (run.podId() != null) w.printf(Locale.ROOT, "pod %s at $%.2f/hour, about $%.2f so far%n", run.podId(),
                    run.costPerHour() == null ? 0 : run.costPerHour(),
                    PodLauncher.cost(run.costPerHour(), Instant.parse(run.startedAt()),
                            run.finishedAt() == null ? engine.remote().clock().instant() : Instant.parse(run.finishedAt())));
            if (run.message() != null) w.println(run.message());
            if (!run.active()) return;
            ProgressPrinter printer = new ProgressPrinter(w);
            TrainingProgress p = engine.remote().remoteTraining().follow(run.runId(), firstUse(acceptNew, w), poll(engine),
                    printer, () -> !follow, w::println);
            printer.print(p.summary());
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true, description = "Download a finished run's adapter and student (checksummed), register them and"
            + " judge the student on the golden set.")
    static final class Pull implements Runnable {
        @ParentCommand RemoteCommand parent;
        @Spec CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "RUN") String runId;
        @Option(names = "--accept-new-host-key") boolean acceptNew;
        @Option(names = "--keep-pod", description = "leave the pod running (to 'remote serve' the adapter); release it later"
                + " with 'remote stop' or 'remote pods --sweep'") boolean keepPod;
        @Mixin InsecureHttpOption insecure; // releasing the pod asks RunPod

        @Override
        public void run() {
            Engine engine = parent.engine();
            PrintWriter w = spec.commandLine().getOut();
            RemoteRun run = RemoteCommand.run(engine, runId);
            runJob(engine, new RemoteTrainingPlan.Pull(run.runId(), keepPod), firstUse(acceptNew, w), w);
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Judge a pulled run's student on the golden posts its export held out, against"
            + " the active model; only then can 'models activate' promote it.")
    static final class Evaluate implements Runnable {
        @ParentCommand RemoteCommand parent;
        @Spec CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "RUN") String runId;

        @Override
        public void run() {
            Engine engine = parent.engine();
            RemoteRun run = RemoteCommand.run(engine, runId);
            if (!run.status().equals("pulled"))
                throw new IllegalArgumentException("run " + run.runId() + " is " + run.status() + "; pull it first ('remote pull')");
            for (var judged : engine.remote().judgePulled(run))
                spec.commandLine().getOut().println(judged.message());
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Cancel the latest (or the named) run and release its pod.")
    static final class Stop implements Runnable {
        @ParentCommand RemoteCommand parent;
        @Spec CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "RUN") String runId;
        @Option(names = "--accept-new-host-key") boolean acceptNew;
        @Mixin InsecureHttpOption insecure; // releasing the pod asks RunPod

        @Override
        public void run() {
            Engine engine = parent.engine();
            PrintWriter w = spec.commandLine().getOut();
            RemoteRun run = RemoteCommand.run(engine, runId);
            if (run.active()) {
                engine.remote().remoteTraining().cancel(run.runId(), firstUse(acceptNew, w));
                w.println("cancelled run " + run.runId());
            } else {
                w.println("run " + run.runId() + " is already " + run.status());
            }
            releasePod(engine, run, w);
        }
    }

    @Command(name = "pods", mixinStandardHelpOptions = true, description = "List our RunPod pods (name prefix from settings); --sweep terminates them.")
    static final class Pods implements Runnable {
        @ParentCommand RemoteCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--sweep", description = "terminate every pod of ours") boolean sweep;
        @Mixin InsecureHttpOption insecure;

        @Override
        public void run() {
            Engine engine = parent.engine();
            PrintWriter w = spec.commandLine().getOut();
            var pods = sweep ? engine.remote().podLauncher().sweep() : engine.remote().podLauncher().ours();
            if (pods.isEmpty()) w.println("no pods of ours");
            for (var p : pods) {
                w.printf(Locale.ROOT, "%s %-24s %-10s %-28s %s%n", sweep ? "terminated" : "", p.id(), p.desiredStatus(),
                        p.gpuTypeId() == null ? "-" : p.gpuTypeId(),
                        p.costPerHour() == null ? "-" : String.format(Locale.ROOT, "$%.2f/hour", p.costPerHour()));
            }
        }
    }
}
