/**
 * Image identity: a 64-bit DCT perceptual hash of a thumbnail and a nearest-neighbour index over labeled hashes,
 * so a repost of a known meme (pink wojak, green candle chart) finds its labeled original despite resizing and
 * recompression.
 */
package com.bizcharts.sentiment.image;
