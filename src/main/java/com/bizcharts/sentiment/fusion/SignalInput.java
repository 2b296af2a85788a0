package com.bizcharts.sentiment.fusion;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.image.Thumbnail;

/** What a signal source sees of one post: the post and its thumbnail, decoded once for every image signal. */
public record SignalInput(PostInput post, Thumbnail thumbnail) {}
