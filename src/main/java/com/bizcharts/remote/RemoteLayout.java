package com.bizcharts.remote;

/**
 * Where things live on the training machine, all under {workspace}/bizcharts so that a RunPod volume (which
 * survives a stop) keeps the venv, data and runs together: scripts/, data/ (train.json, val.json, images/) and
 * runs/{runId}/ (train.log, pid, exit_code, output/adapter, output/student).
 */
public record RemoteLayout(String workspace) {

    public String base() { return workspace + "/bizcharts"; }
    public String scripts() { return base() + "/scripts"; }
    public String data() { return base() + "/data"; }
    public String run(String runId) { return base() + "/runs/" + runId; }
    public String log(String runId) { return run(runId) + "/train.log"; }
    public String output(String runId) { return run(runId) + "/output"; }

    /** Fills {workspace}, {python}, {run} and {base} in a configured command. */
    public String fill(String template, String python, String runId) {
        return template.replace("{workspace}", workspace).replace("{base}", base())
                .replace("{python}", python).replace("{run}", runId == null ? "" : run(runId));
    }
}
