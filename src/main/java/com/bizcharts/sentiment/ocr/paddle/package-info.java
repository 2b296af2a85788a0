/**
 * PaddleOCR (PP-OCRv4) on ONNX Runtime: the DB text detector and its box post-processing ({@code DbPostProcess}),
 * upright line crops, the 0/180 angle classifier, the CTC recogniser and its greedy decoder over the character list
 * ({@code CtcDecoder}, {@code CharacterList}), joined by {@code PaddleOcr}. The models are bundled from
 * {@code models/paddleocr} ({@code PaddleModels}); see that folder's README for their provenance and constants.
 */
package com.bizcharts.sentiment.ocr.paddle;
