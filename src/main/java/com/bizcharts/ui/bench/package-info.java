/**
 * {@code bench ui}'s measuring side: {@code WorkstationProbe} runs in a fresh JVM (started by the command line by
 * class name, since cli may not depend on ui), opens the workstation and prints its timings as one JSON line.
 */
package com.bizcharts.ui.bench;
