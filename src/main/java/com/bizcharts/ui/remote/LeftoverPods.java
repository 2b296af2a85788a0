package com.bizcharts.ui.remote;

import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.RunPodClient;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/** Our pods on RunPod (name prefix from settings), whatever their state, with the sweep that terminates them all. */
public final class LeftoverPods {

    private final PodLauncher launcher;
    private final UiExecutors ex;
    private final ObservableList<RunPodClient.Pod> pods = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    LeftoverPods(PodLauncher launcher, UiExecutors ex) {
        this.launcher = launcher;
        this.ex = ex;
    }

    public ObservableList<RunPodClient.Pod> list() { return pods; }

    public StringProperty statusProperty() { return status; }

    public void refresh() {
        ex.background().execute(() -> show(launcher::ours,
                now -> now.isEmpty() ? "no pods of ours on RunPod" : "our pods on RunPod: " + now.size() + perHour(now)));
    }

    /** Terminates every pod of ours (a run in flight on one of them fails and says so). */
    public void sweep() {
        int[] terminated = {0};
        ex.background().execute(() -> show(() -> {
            terminated[0] = launcher.sweep().size();
            return launcher.ours();
        }, now -> "terminated " + terminated[0] + " pod(s)" + (now.isEmpty() ? "; none of ours left"
                : "; still listed: " + now.size() + perHour(now))));
    }

    private void show(Supplier<List<RunPodClient.Pod>> read, Function<List<RunPodClient.Pod>, String> describe) {
        try {
            List<RunPodClient.Pod> now = read.get();
            String text = describe.apply(now);
            ex.fx().execute(() -> {
                pods.setAll(now);
                status.set(text);
            });
        } catch (RuntimeException e) {
            ex.fx().execute(() -> status.set("RunPod: " + e.getMessage()));
        }
    }

    /** What the running ones cost together: a stopped pod's volume costs little, a running GPU a lot. */
    private static String perHour(List<RunPodClient.Pod> now) {
        double sum = now.stream().filter(p -> "RUNNING".equals(p.desiredStatus()) && p.costPerHour() != null)
                .mapToDouble(RunPodClient.Pod::costPerHour).sum();
        return String.format(Locale.ROOT, " (running ones cost $%.2f/hour together)", sum);
    }
}
