package com.bizcharts.sentiment;

import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.embedded.LexiconReading;

import java.util.Map;
import java.util.function.Function;

/**
 * The signal sources a model needs besides its own files: the lexicon (VADER + /biz/ slang) for the text traits and
 * the image reader for thumbnails. Built once by the composition root and shared by training and scoring.
 */
public record SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images,
                               Function<String, Map<String, Double>> vader) {

    /**
     * @param vader VADER's own scores (neg, neu, pos, compound) from its lexicon alone, for comparison with its
     *              published outputs; null when no VADER lexicon is wired
     */
    public SentimentSignals {}

    public SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images) {
        this(lexicon, images, null);
    }
}
