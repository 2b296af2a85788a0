package com.bizcharts.ui.remote;

import com.bizcharts.remote.HostKeyTrust;
import com.bizcharts.remote.RemoteInference;
import com.bizcharts.remote.RemoteRun;
import com.bizcharts.remote.RunRepository;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * The trained adapter as the learning loop's {@code compatible} teacher, from the Models view: starts its
 * OpenAI-compatible server on the machine that trained it and opens the SSH tunnel ({@link RemoteInference}, as
 * {@code remote serve} does), then says where {@code autolabel --provider compatible} finds it; stop closes the
 * tunnel and stops the server. Works on the latest finished run whose machine is still up.
 */
public final class TeacherServingViewModel {

    private final RemoteInference inference;
    private final RunRepository runs;
    private final HostKeyTrust.FirstUse firstUse;
    private final int localPort;
    private final UiExecutors ex;

    private final BooleanProperty serving = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("the adapter is not being served");
    private volatile RemoteInference.Session session;

    public TeacherServingViewModel(RemoteInference inference, RunRepository runs, HostKeyTrust.FirstUse firstUse,
                                   int localPort, UiExecutors ex) {
        this.inference = inference;
        this.runs = runs;
        this.firstUse = firstUse;
        this.localPort = localPort;
        this.ex = ex;
    }

    public ReadOnlyBooleanProperty servingProperty() { return serving; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ReadOnlyStringProperty statusProperty() { return status; }

    /** Serves the latest finished run's adapter; a no-op while serving or starting. */
    public void serve() {
        if (busy.get() || serving.get()) return;
        busy.set(true);
        status.set("starting the adapter server…");
        ex.background().execute(() -> {
            try {
                Optional<RemoteRun> run = latestFinished();
                if (run.isEmpty()) {
                    done(false, "no finished remote run: train one first");
                    return;
                }
                RemoteInference.Session s = inference.open(run.get().runId(), firstUse, localPort, this::say);
                session = s;
                var e = s.endpoint();
                done(true, "serving " + e.model() + " at " + e.baseUrl() + ": `autolabel --provider compatible --base-url "
                        + e.baseUrl() + " --model " + e.model() + "` labels with it");
            } catch (RuntimeException e) {
                done(false, "could not serve the adapter: " + e.getMessage());
            }
        });
    }

    /** Closes the tunnel and stops the server on the machine. */
    public void stop() {
        RemoteInference.Session s = session;
        if (s == null || busy.get()) return;
        busy.set(true);
        ex.background().execute(() -> {
            session = null;
            s.close();
            try {
                inference.stop(s.endpoint().runId(), firstUse);
                done(false, "stopped serving " + s.endpoint().model());
            } catch (RuntimeException e) {
                done(false, "closed the tunnel; stopping the server failed: " + e.getMessage());
            }
        });
    }

    /** Closes the tunnel when the window closes; the server on the machine is left for `remote serve --stop`. */
    public void close() {
        RemoteInference.Session s = session;
        session = null;
        if (s != null) s.close();
    }

    private Optional<RemoteRun> latestFinished() {
        return runs.latest().filter(r -> r.status().equals("succeeded") || r.status().equals("pulled"));
    }

    private void done(boolean nowServing, String text) {
        ex.fx().execute(() -> {
            serving.set(nowServing);
            busy.set(false);
            status.set(text);
        });
    }

    private void say(String line) {
        ex.fx().execute(() -> status.set(line));
    }
}
