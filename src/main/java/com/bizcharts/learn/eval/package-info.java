/** Evaluation: accuracy, macro-F1, per-class scores, confusion matrix, and stratified cross-validation. */
package com.bizcharts.learn.eval;
