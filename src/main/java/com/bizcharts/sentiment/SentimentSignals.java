package com.bizcharts.sentiment;

import com.bizcharts.sentiment.embedded.ImageReading;
import com.bizcharts.sentiment.embedded.LexiconReading;
import com.bizcharts.sentiment.embedded.TextEncoder;

import java.util.Map;
import java.util.function.Function;

/**
 * The signal sources a model needs besides its own files: the lexicon (VADER + /biz/ slang) for the text traits,
 * the image reader for thumbnails and the sentence encoders a model may name. Built once by the composition root
 * and shared by training and scoring.
 *
 * @param vader    VADER's own scores (neg, neu, pos, compound) from its lexicon alone, for comparison with its
 *                 published outputs; null when no VADER lexicon is wired
 * @param encoders where models find their sentence encoder by name
 */
public record SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images,
                               Function<String, Map<String, Double>> vader, TextEncoder.Source encoders) {

    public SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images,
                            Function<String, Map<String, Double>> vader) {
        this(lexicon, images, vader, TextEncoder.Source.none());
    }

    public SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images) {
        this(lexicon, images, null);
    }
}
