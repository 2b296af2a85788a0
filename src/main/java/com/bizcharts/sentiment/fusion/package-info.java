/**
 * Fusion of per-signal readings (text, image, OCR, context) into one verdict, and sarcasm from text-image
 * incongruity.
 */
package com.bizcharts.sentiment.fusion;
