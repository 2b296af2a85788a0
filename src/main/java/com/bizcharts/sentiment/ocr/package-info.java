/**
 * Text inside images (chart captions, meme text, ticker screenshots) via Tesseract through tess4j. OCR is optional:
 * without the native library or the language data it reports itself disabled with the reason instead of failing.
 */
package com.bizcharts.sentiment.ocr;
