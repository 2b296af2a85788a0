package com.bizcharts.sentiment.scoring;

/** A row of the model registry. */
public record RegisteredModel(String id, String kind, String path, String createdAt, Long trainingSize,
                              Double accuracy, Double macroF1, boolean active, String activatedAt) {}
