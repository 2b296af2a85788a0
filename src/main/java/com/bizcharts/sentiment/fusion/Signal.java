package com.bizcharts.sentiment.fusion;

import java.util.Locale;

/**
 * The per-signal sentiment sources that fusion combines. The first four are the prototype's families, each with its
 * own fusion weight (text 0.5, image 0.3, OCR 0.1, context 0.1); the others are further readings inside a family
 * (a transformer's reading of the text is a text reading, a labeled near-duplicate an image reading) and share
 * their family's weight, so adding a signal never shifts the balance between text and image.
 */
public enum Signal {
    /** The post's own text (subject and comment), read by the embedded n-gram model. */
    TEXT(null),
    /** The thumbnail's colours and edges (a trained classifier, or the weak colour prior). */
    IMAGE(null),
    /** Text read from the image by OCR, scored by the lexicon. */
    OCR(null),
    /** The board's mood when the post was made (recent threads' predictions; {@code BoardMoodSignal}). */
    CONTEXT(null),
    /** An ONNX text classifier (e.g. CryptoBERT exported with optimum). */
    ONNX_TEXT(TEXT),
    /** The labels of labeled images whose perceptual hash is near the thumbnail's: /biz/ reposts its memes. */
    REPOST(IMAGE),
    /** A CLIP-style ONNX image encoder with a linear head. */
    ONNX_IMAGE(IMAGE);

    private final Signal family;

    Signal(Signal family) {
        this.family = family;
    }

    /** The prototype signal whose weight this one shares: itself for the four families. */
    public Signal family() {
        return family == null ? this : family;
    }

    /** How drivers name it: text, image, ocr, context, onnx-text, repost, onnx-image. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
