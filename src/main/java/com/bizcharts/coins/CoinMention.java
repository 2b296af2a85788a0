package com.bizcharts.coins;

/** A coin found in a post, how sure we are (0..1), and where: subject, text or image_ocr. */
public record CoinMention(String symbol, double confidence, String source) {

    public static final String SUBJECT = "subject";
    public static final String TEXT = "text";
    public static final String IMAGE_OCR = "image_ocr";
}
