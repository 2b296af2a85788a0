/**
 * Transformer models on CPU through ONNX Runtime: a Hugging Face style sequence classifier (CryptoBERT exported
 * with optimum) and a CLIP-style image encoder with a linear head, and their fusion signals (run batched, opened on
 * first use, named by a content id that joins the prediction id). Model directories are described in
 * docs/onnx-models.md; nothing is downloaded at run time.
 */
package com.bizcharts.sentiment.onnx;
