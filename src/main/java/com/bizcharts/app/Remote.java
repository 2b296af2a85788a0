package com.bizcharts.app;

import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.PulledModels;
import com.bizcharts.remote.RemoteRun;
import com.bizcharts.remote.RemoteInference;
import com.bizcharts.remote.RemoteTraining;
import com.bizcharts.remote.RemoteTrainingJob;
import java.time.Clock;
import java.util.List;

/**
 * What trains on a GPU machine: remote runs, pods, the training job, serving as a teacher, judging pulled models.
 * A feature service of the engine: commands and view-models take it, not the engine's parts.
 */
public final class Remote {

    private final Engine engine;

    Remote(Engine engine) {
        this.engine = engine;
    }

    public RemoteTraining remoteTraining() { return engine.remoteTraining(); }

    public PodLauncher podLauncher() { return engine.podLauncher(); }

    public RemoteInference remoteInference() { return engine.remoteInference(); }

    public RemoteTrainingJob remoteTrainingJob() { return engine.remoteTrainingJob(); }

    public List<PulledModels.Judged> judgePulled(RemoteRun run) { return engine.judgePulled(run); }

    public Clock clock() { return engine.clock(); }
}
