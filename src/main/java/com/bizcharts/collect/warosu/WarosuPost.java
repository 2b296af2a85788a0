package com.bizcharts.collect.warosu;

import java.time.Instant;

/**
 * One post as a Warosu page shows it.
 *
 * @param threadNo  the thread it belongs to (its own number for an OP)
 * @param tim       the image's millisecond timestamp from its URL, or null without image
 * @param postedAt  true UTC: from {@code tim} when there is an image, else from the posttime title
 */
public record WarosuPost(long no, long threadNo, boolean op, String subject, String name, String tripcode,
                         Instant postedAt, String commentHtml, String fileName, Long fileSize, Integer width,
                         Integer height, String imageUrl, String thumbnailUrl, Long tim, String md5) {}
