package com.bizcharts.sentiment;

import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.embedded.LexiconReading;

/**
 * The signal sources a model needs besides its own files: the lexicon (VADER + /biz/ slang) for the text traits and
 * the image reader for thumbnails. Built once by the composition root and shared by training and scoring.
 */
public record SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images) {}
