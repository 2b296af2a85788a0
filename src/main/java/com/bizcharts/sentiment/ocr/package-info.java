/**
 * Text inside images (chart captions, meme text, ticker screenshots): {@code ImageText} reads it with the engine
 * {@code [ocr] engine} names, PaddleOCR PP-OCRv4 on ONNX Runtime ({@code sentiment.ocr.paddle}, the default: it
 * reads meme captions far better, docs/model.md) or Tesseract through tess4j; the {@code bizcharts ocr} pass
 * ({@code ImageTextPass}) stores it in {@code image_texts} (coins found there recorded with source image_ocr), and
 * {@code OcrSignal} scores that text by the lexicon as the fusion's OCR signal. OCR is optional: without its models,
 * native library or language data it reports itself disabled with the reason instead of failing.
 * {@code sentiment.ocr.captions} measures the engines on rendered captions ({@code bench ocr}).
 */
package com.bizcharts.sentiment.ocr;
