package com.bizcharts.learn.models;

import com.bizcharts.learn.eval.EvaluationReport;

/**
 * A registered model's evaluation report and what it was measured on.
 *
 * @param basis e.g. "5-fold cross-validation on 120 database labels" or "golden set (30 human labels)"
 */
public record ModelEvaluation(String modelId, EvaluationReport report, String basis) {}
