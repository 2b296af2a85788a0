package com.bizcharts.remote;

import com.bizcharts.remote.RunPodClient.Pod;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Launches and releases the RunPod GPU machine for a run. Single flight: while one launch is in progress, or
 * one of our pods (name prefix) is still up, or a run with a pod is active, a second launch is refused, so a
 * double click never pays for two GPUs. The price and the memory fit are checked before anything is created.
 */
public final class PodLauncher {

    /** What a launch would cost and whether the model fits the GPU. */
    public record Quote(GpuCatalog.Gpu gpu, double requiredGb, boolean fits) {
        public String text() {
            return String.format("%s: %d GB, about $%.2f/hour; needs %.0f GB: %s", gpu.id(), gpu.memoryGb(),
                    gpu.usdPerHour(), requiredGb, fits ? "fits" : "does NOT fit");
        }
    }

    /** Waits between polls; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Supplier<RunPodClient> client;
    private final RemoteSettings settings;
    private final RunRepository runs;
    private final Clock clock;
    private final Pause pause;
    private final AtomicBoolean launching = new AtomicBoolean();
    private RunPodClient api;

    public PodLauncher(Supplier<RunPodClient> client, RemoteSettings settings, RunRepository runs, Clock clock, Pause pause) {
        this.client = client;
        this.settings = settings;
        this.runs = runs;
        this.clock = clock;
        this.pause = pause;
    }

    public Quote quote(String gpuName) {
        GpuCatalog.Gpu gpu = GpuCatalog.require(gpuName);
        double required = GpuCatalog.requiredGb(settings.trainArgs(), settings.requiredGpuMemoryGb());
        return new Quote(gpu, required, gpu.memoryGb() >= required);
    }

    /** Creates the pod and waits until its SSH port is mapped; the pod is terminated if it never gets there. */
    public Pod launch(String gpuName, String sshPublicKey, Duration readyTimeout, Consumer<String> say) {
        return launch(gpuName, sshPublicKey, readyTimeout, say, () -> false);
    }

    /**
     * As {@link #launch(String, String, Duration, Consumer)}; {@code cancelled} is asked between the polls for the
     * SSH port, so a cancel while the pod boots terminates it within one poll instead of paying for it to come up.
     */
    public Pod launch(String gpuName, String sshPublicKey, Duration readyTimeout, Consumer<String> say,
                      BooleanSupplier cancelled) {
        Quote quote = quote(gpuName);
        if (!quote.fits()) throw new IllegalArgumentException("refusing to launch: " + quote.text());
        if (!launching.compareAndSet(false, true))
            throw new IllegalStateException("a pod launch is already in progress");
        try {
            runs.active().stream().filter(r -> r.podId() != null).findFirst().ifPresent(r -> {
                throw new IllegalStateException("run " + r.runId() + " still uses pod " + r.podId() + "; stop it first");
            });
            List<Pod> up = ours();
            if (!up.isEmpty()) throw new IllegalStateException("pod " + up.get(0).id() + " (" + up.get(0).name()
                    + ") is still up; use 'remote pods --sweep' or 'remote stop'");
            say.accept("launching " + quote.text());
            String name = settings.runpodNamePrefix() + clock.instant().getEpochSecond();
            Pod pod = api().create(new RunPodClient.PodRequest(name, quote.gpu().id(), settings.runpodImage(),
                    settings.runpodVolumeGb(), settings.runpodContainerDiskGb(), Map.of("PUBLIC_KEY", sshPublicKey)));
            say.accept("pod " + pod.id() + " created" + (pod.costPerHour() == null ? "" : String.format(" at $%.2f/hour", pod.costPerHour())));
            return waitForSsh(pod, readyTimeout, cancelled);
        } finally {
            launching.set(false);
        }
    }

    private Pod waitForSsh(Pod pod, Duration readyTimeout, BooleanSupplier cancelled) {
        Instant deadline = clock.instant().plus(readyTimeout);
        Pod current = pod;
        try {
            while (!current.sshReady()) {
                if (cancelled.getAsBoolean()) {
                    api().terminate(pod.id());
                    throw new RemoteException("launch cancelled; terminated pod " + pod.id());
                }
                if (clock.instant().isAfter(deadline)) {
                    api().terminate(pod.id());
                    throw new RemoteException("pod " + pod.id() + " did not expose SSH within " + readyTimeout.toMinutes()
                            + " minutes; terminated it");
                }
                pause.sleep(Duration.ofSeconds(5));
                current = api().get(pod.id());
            }
            return current;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            api().terminate(pod.id());
            throw new RemoteException("interrupted while waiting for pod " + pod.id() + "; terminated it");
        }
    }

    /** After the pull (or a failure): terminate by default, or stop to keep the volume for the next run. */
    public String release(String podId) {
        if (settings.terminateAfterPull()) {
            api().terminate(podId);
            return "terminated pod " + podId;
        }
        api().stop(podId);
        return "stopped pod " + podId + " (volume kept; terminate it with 'remote pods --sweep')";
    }

    /** Our pods (by name prefix), whatever their state. */
    public List<Pod> ours() {
        return api().list().stream().filter(p -> p.name().startsWith(settings.runpodNamePrefix())).toList();
    }

    /** Terminates every pod of ours; returns them. */
    public List<Pod> sweep() {
        List<Pod> pods = ours();
        pods.forEach(p -> api().terminate(p.id()));
        return pods;
    }

    /** The client, made on first use so that commands without RunPod never need its key. */
    private synchronized RunPodClient api() {
        if (api == null) api = client.get();
        return api;
    }

    /** The OpenSSH public key next to a private key ({@code KEY.pub}): what the pod authorises. */
    public static String publicKey(java.nio.file.Path privateKey) {
        java.nio.file.Path pub = java.nio.file.Path.of(privateKey + ".pub");
        try {
            return java.nio.file.Files.readString(pub).strip();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the pod needs the public key " + pub + " (ssh-keygen -y -f " + privateKey + ")");
        }
    }

    /** US dollars spent so far at the pod's price. */
    public static double cost(Double perHour, Instant started, Instant now) {
        if (perHour == null) return 0;
        return perHour * Duration.between(started, now).toSeconds() / 3600.0;
    }
}
