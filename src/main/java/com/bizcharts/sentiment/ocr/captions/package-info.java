/**
 * Measuring OCR on meme captions: {@code CaptionSet} (real or generated images with /biz/ captions drawn from a
 * seed, the true text kept, rendered as meme and as thumbnail), {@code MemeCaption} (white Impact-style capitals,
 * black outline, top and bottom), {@code CaptionFont} (the bundled Anton), {@code OcrAccuracy} (character error rate,
 * word accuracy) and {@code OcrBenchmark} (every engine over a set; {@code bench ocr} prints it).
 */
package com.bizcharts.sentiment.ocr.captions;
