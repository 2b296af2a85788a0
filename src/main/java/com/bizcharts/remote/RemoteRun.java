package com.bizcharts.remote;

/** A row of remote_runs: what the workstation remembers about a run so it can reattach, pull and stop the pod. */
public record RemoteRun(String runId, String host, int port, String user, String keyPath, String knownHostsPath,
                        String remoteDir, String podId, Double costPerHour, String status, String startedAt,
                        String finishedAt, String stage, long step, long totalSteps, Double loss, String datasetJson,
                        String metricsJson, String localDir, String message) {

    /** "step 3/8", or "distil step 3/8" once the run has moved on to distilling the student. */
    public String stepText() {
        return (ProgressLine.TRAIN.equals(stage) ? "" : stage + " ") + "step " + step + "/" + totalSteps;
    }

    public boolean active() {
        return status.equals("launching") || status.equals("pushing") || status.equals("running");
    }
}
