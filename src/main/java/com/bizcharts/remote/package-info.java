/**
 * Remote training: exports the labeled data, drives a GPU machine over SSH (SSHJ) or launches one on RunPod,
 * follows the run through its log, pulls the adapter and the ONNX student back and registers them.
 * Run state lives in {@code remote_runs} so a restarted workstation reattaches to a running job.
 * {@link com.bizcharts.remote.RemoteTrainingJob} is the whole flow as one state machine, for the CLI and the GUI alike.
 */
package com.bizcharts.remote;
