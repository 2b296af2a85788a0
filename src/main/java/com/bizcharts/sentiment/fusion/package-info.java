/**
 * Fusion of per-signal readings into one verdict, and sarcasm from text-image incongruity. The prototype's four
 * families (text, image, OCR, context) carry the weights; further signals ({@code SignalSource}: repost neighbours,
 * OCR text, ONNX models) read whole batches and join a family.
 */
package com.bizcharts.sentiment.fusion;
