package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.fusion.SignalSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The signal sources a model needs besides its own files: the lexicon (VADER + /biz/ slang) for the text traits,
 * the image reader for thumbnails, the sentence encoders a model may name, and the further signals fused at scoring
 * time (repost neighbours, OCR text, ONNX models). Built once by the composition root and shared by training and
 * scoring; training never uses the further signals.
 *
 * @param vader    VADER's own scores (neg, neu, pos, compound) from its lexicon alone, for comparison with its
 *                 published outputs; null when no VADER lexicon is wired
 * @param encoders where models find their sentence encoder by name
 * @param further  signals fused with the model's own readings when it scores (never while it trains), owned here
 */
public record SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images,
                               Function<String, Map<String, Double>> vader, TextEncoder.Source encoders,
                               List<SignalSource> further) implements AutoCloseable {

    public SentimentSignals {
        further = List.copyOf(further);
    }

    public SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images,
                            Function<String, Map<String, Double>> vader, TextEncoder.Source encoders) {
        this(lexicon, images, vader, encoders, List.of());
    }

    public SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images,
                            Function<String, Map<String, Double>> vader) {
        this(lexicon, images, vader, TextEncoder.Source.none());
    }

    public SentimentSignals(LexiconReading.Source lexicon, ImageReading.Source images) {
        this(lexicon, images, null);
    }

    /** The same sources with these further signals. */
    public SentimentSignals withFurther(List<SignalSource> sources) {
        return new SentimentSignals(lexicon, images, vader, encoders, sources);
    }

    /** The id suffix the further signals give predictions (see {@link SignalSource#idPart()}). */
    public String idSuffix() {
        StringBuilder sb = new StringBuilder();
        for (SignalSource s : further) sb.append(s.idPart());
        return sb.toString();
    }

    /** Frees the further signals' native resources (ONNX sessions). */
    @Override
    public void close() {
        further.forEach(SignalSource::close);
    }
}
