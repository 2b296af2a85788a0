/**
 * Text inside images (chart captions, meme text, ticker screenshots) via Tesseract through tess4j: the
 * {@code bizcharts ocr} pass into {@code image_texts} (coins found there recorded with source image_ocr), and
 * {@code OcrSignal}, that text scored by the lexicon as the fusion's OCR signal. OCR is optional: without the native
 * library or the language data it reports itself disabled with the reason instead of failing.
 */
package com.bizcharts.sentiment.ocr;
