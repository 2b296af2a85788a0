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

    /** "run ID: pulled (step 4/4, loss 1.4000) - why": how the run stands, for a status line. */
    public String summary() {
        return "run " + runId + ": " + status + " (" + stepText()
                + (loss == null ? "" : String.format(java.util.Locale.ROOT, ", loss %.4f", loss)) + ")"
                + (message == null ? "" : " - " + message);
    }

    /** The stored step as a share of the stage's steps (0 when the total is not known). */
    public double fraction() {
        return totalSteps > 0 ? Math.min(1.0, (double) step / totalSteps) : 0;
    }

    public boolean active() {
        return status.equals("launching") || status.equals("pushing") || status.equals("running");
    }
}
