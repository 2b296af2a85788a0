package com.bizcharts.remote;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The [remote] settings: remote training over SSH and on RunPod. Configured commands may use the {workspace},
 * {base}, {python} and {run} placeholders. Secrets are never settings: see {@link RemoteShell#PASSPHRASE_KEY}.
 * {@code servePort} is where 'remote serve' listens on the machine (loopback only), {@code serveLocalPort} the
 * workstation end of the SSH tunnel to it.
 */
public record RemoteSettings(String workspace, String user, int port, String key, String knownHosts,
                             String python, String setup, String trainArgs, boolean exportStudent,
                             double validationShare, double teacherMinConfidence, long connectTimeoutSeconds,
                             long pollSeconds, String runpodBaseUrl, String runpodImage, String runpodGpu,
                             int runpodVolumeGb, int runpodContainerDiskGb, String runpodNamePrefix,
                             boolean terminateAfterPull, double maxHours, long idleMinutes,
                             double requiredGpuMemoryGb, int servePort, int serveLocalPort, long serveStartMinutes) {
    public Path keyPath() { return expandHome(key); }
    public Path knownHostsPath() { return expandHome(knownHosts); }
    public Duration connectTimeout() { return Duration.ofSeconds(connectTimeoutSeconds); }

    private static Path expandHome(String p) {
        return p.startsWith("~/") ? Path.of(System.getProperty("user.home"), p.substring(2)) : Path.of(p);
    }
}

