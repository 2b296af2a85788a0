/**
 * Scoring posts in bulk: the model registry (models table), predictions per model id, the parallel batch scorer and
 * the loader that finds the active (or bundled default) model.
 */
package com.bizcharts.sentiment.scoring;
