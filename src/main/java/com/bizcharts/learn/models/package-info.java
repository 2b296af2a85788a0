/**
 * Learning meets the model registry: {@code ModelTrainer} trains a new embedded model from the database's labels,
 * cross-validates, saves and registers it (the workstation's "Train new model"); {@code ModelEvaluations} gives a
 * registered model's evaluation report, from its stored metrics or by evaluating it on the labels.
 */
package com.bizcharts.learn.models;
