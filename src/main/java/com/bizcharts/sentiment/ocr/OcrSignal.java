package com.bizcharts.sentiment.ocr;

import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalInput;
import com.bizcharts.sentiment.fusion.SignalReading;
import com.bizcharts.sentiment.fusion.SignalSource;
import com.bizcharts.store.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * The OCR signal: the text read from a post's image (a meme's caption, a screenshot's "-80%") scored by the lexicon
 * (VADER + /biz/ slang). The compound c becomes probabilities (1 - c) / 3, 1/3, (1 + c) / 3, so its score is 2c/3:
 * a lexicon is weak evidence (0.37 accuracy alone on the shared set), and the OCR family's weight is 0.1. A post
 * whose image holds no text, or was never read, has no OCR reading at all rather than a neutral one.
 */
public final class OcrSignal implements SignalSource {

    /** Where the texts come from: one per input, empty when none. */
    @FunctionalInterface
    public interface Texts {
        List<String> of(List<SignalInput> batch);
    }

    private static final int QUOTE = 40;

    private final Texts texts;
    private final LexiconReading.Source lexicon;

    public OcrSignal(Texts texts, LexiconReading.Source lexicon) {
        this.texts = texts;
        this.lexicon = lexicon;
    }

    /** The texts {@code bizcharts ocr} stored in {@code image_texts}, one query per batch. */
    public static OcrSignal stored(Database db, LexiconReading.Source lexicon) {
        com.bizcharts.store.ImageTextRepository repository = new com.bizcharts.store.ImageTextRepository(db);
        return new OcrSignal(batch -> {
            List<Long> ids = batch.stream().map(in -> in.post().threadId()).toList();
            Map<Long, String> found = repository.texts(ids);
            return ids.stream().map(id -> found.getOrDefault(id, "")).toList();
        }, lexicon);
    }

    /** Reads each thumbnail now with the given OCR engine (the {@code sentiment --ocr} command: one post, no database). */
    public static OcrSignal live(ImageText ocr, LexiconReading.Source lexicon) {
        return new OcrSignal(batch -> batch.stream().map(in -> ocr.readDecoded(in.thumbnail()).text()).toList(), lexicon);
    }

    @Override
    public Signal signal() {
        return Signal.OCR;
    }

    @Override
    public List<SignalReading> read(List<SignalInput> batch) {
        List<String> found = texts.of(batch);
        List<SignalReading> out = new ArrayList<>(batch.size());
        for (String text : found) out.add(text == null || text.isBlank() ? null : reading(text.strip()));
        return out;
    }

    SignalReading reading(String text) {
        double c = Math.max(-1, Math.min(1, lexicon.read(text).compound()));
        double[] p = {(1 - c) / 3, 1.0 / 3, (1 + c) / 3};
        String quote = text.length() <= QUOTE ? text : text.substring(0, QUOTE) + "...";
        return new SignalReading(Signal.OCR, p, String.format(Locale.ROOT, "(image text '%s', lexicon %+.2f)", quote, c));
    }
}
