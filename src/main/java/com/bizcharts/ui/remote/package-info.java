/**
 * The remote training panel of the Models view: target (SSH host or RunPod GPU with price and memory fit), one
 * Train click that launches, pushes, trains, follows, pulls and judges; progress, cost, cancel, leftover pods; and
 * the host-key first-use dialog the remote layer asks through.
 */
package com.bizcharts.ui.remote;
