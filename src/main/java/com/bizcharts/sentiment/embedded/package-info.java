/**
 * The embedded model: TF-IDF word and character n-grams plus hand-made post traits (lexicon, greentext, capitals,
 * length, links, coins) into a balanced logistic regression, calibrated out of fold, fused with the image signal;
 * saved as a model directory with {@code metadata.json}. Trained by {@code learn.train}.
 */
package com.bizcharts.sentiment.embedded;
