package com.bizcharts.coins;

/**
 * A coin found in a post, how sure we are (0..1), where (subject, text or image_ocr) and by which rule. The extractor
 * gives the rule's confidence; a stored row keeps the confidence it was written with.
 */
public record CoinMention(String symbol, double confidence, String source, MentionRule rule) {

    public static final String SUBJECT = "subject";
    public static final String TEXT = "text";
    public static final String IMAGE_OCR = "image_ocr";

    public CoinMention(String symbol, String source, MentionRule rule) {
        this(symbol, rule.confidence(), source, rule);
    }
}
