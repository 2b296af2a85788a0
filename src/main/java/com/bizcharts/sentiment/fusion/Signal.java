package com.bizcharts.sentiment.fusion;

/** The per-signal sentiment sources that fusion combines. */
public enum Signal {
    /** The post's own text (subject and comment). */
    TEXT,
    /** The thumbnail: colour statistics, edges, near-duplicate memes. */
    IMAGE,
    /** Text read from the image by OCR, scored as text. */
    OCR,
    /** Thread context (replies, market mood); absent until a provider supplies it. */
    CONTEXT;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
