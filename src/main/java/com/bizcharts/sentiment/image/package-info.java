/**
 * Images: the thumbnail decoded once per prediction ({@code Thumbnail}), a 64-bit DCT perceptual hash and a
 * nearest-neighbour index over labeled hashes, so a repost of a known meme (pink wojak, green candle chart) finds its
 * labeled original despite resizing and recompression; {@code RepostSignal} turns those neighbours into a fusion
 * signal, over the index {@code LabeledImageIndex} keeps in step with the labels. {@code MobileNetFeatures} reads
 * nsfwjs's MobileNetV2 (ONNX) features and classes off a thumbnail; nothing scores with it yet.
 */
package com.bizcharts.sentiment.image;
