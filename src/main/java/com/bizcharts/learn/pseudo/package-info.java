/** Pseudo-labels: the model's own confident predictions, with provenance, and weak text augmentation. */
package com.bizcharts.learn.pseudo;
