/**
 * The Models view: the registry with activate and roll back, "Train new model" with progress and cancel, the
 * guarded retrain, lineage and drift, and the evaluation report (per-class scores, the confusion matrix as a grid).
 */
package com.bizcharts.ui.models;
