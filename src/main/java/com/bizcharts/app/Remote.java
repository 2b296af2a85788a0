package com.bizcharts.app;

import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.PulledModels;
import com.bizcharts.remote.RemoteInference;
import com.bizcharts.remote.RemoteRun;
import com.bizcharts.remote.RemoteTraining;
import com.bizcharts.remote.RemoteTrainingJob;
import com.bizcharts.remote.RunPodClient;
import com.bizcharts.store.Database;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What trains on a GPU machine: remote runs, pods, the training job, serving as a teacher, judging pulled models.
 * A feature service built by the {@link Engine}; commands and view-models take it, not the engine's parts.
 */
public final class Remote {

    private final Settings settings;
    private final Database database;
    private final Supplier<CandidateEvaluation> candidateEvaluation;
    private final Clock clock;
    private final RemoteTraining remoteTraining;
    private final PodLauncher podLauncher;
    private final RemoteInference remoteInference;

    Remote(Settings settings, Database database, Supplier<CandidateEvaluation> candidateEvaluation, ApiKeys secrets, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.candidateEvaluation = candidateEvaluation;
        this.clock = clock;
        var remote = settings.remote();
        this.remoteTraining = new RemoteTraining(database, remote, settings.paths().imagesPath(),
                settings.paths().modelsPath().resolve("remote"), secrets, clock);
        // the RunPod key is looked up when a pod is asked for, never kept, and sent only where the transport allows
        this.podLauncher = new PodLauncher(() -> new RunPodClient(URI.create(remote.runpodBaseUrl()),
                secrets.find(RunPodClient.KEY).orElse(null), Duration.ofSeconds(30), settings.security().keyTransport()),
                remote, remoteTraining.runs(), clock, d -> Thread.sleep(d.toMillis()));
        this.remoteInference = new RemoteInference(remoteTraining.runs(), remote, secrets);
    }

    public RemoteTraining remoteTraining() { return remoteTraining; }

    public PodLauncher podLauncher() { return podLauncher; }

    public RemoteInference remoteInference() { return remoteInference; }

    /** The remote-training flow (launch, start, follow, pull, judge, release) as one job, for {@code remote train} and the Models view. */
    public RemoteTrainingJob remoteTrainingJob() {
        return new RemoteTrainingJob(remoteTraining, podLauncher, candidateEvaluation.get(), settings.remote(), clock);
    }

    /** Judges what a pulled run produced (its student) behind the promotion gate: the CLI's and the GUI's one way. */
    public List<PulledModels.Judged> judgePulled(RemoteRun run) {
        return new PulledModels(database, clock).judge(run, candidateEvaluation.get());
    }

    public Clock clock() { return clock; }
}
