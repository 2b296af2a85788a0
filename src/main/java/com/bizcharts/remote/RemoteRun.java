package com.bizcharts.remote;

/** A row of remote_runs: what the workstation remembers about a run so it can reattach, pull and stop the pod. */
public record RemoteRun(String runId, String host, int port, String user, String keyPath, String knownHostsPath,
                        String remoteDir, String podId, Double costPerHour, String status, String startedAt,
                        String finishedAt, long step, long totalSteps, Double loss, String datasetJson,
                        String metricsJson, String localDir, String message) {

    public boolean active() {
        return status.equals("launching") || status.equals("pushing") || status.equals("running");
    }
}
