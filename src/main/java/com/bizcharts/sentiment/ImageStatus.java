package com.bizcharts.sentiment;

/** What happened to a post's image during scoring, recorded on every prediction so absence is never silent. */
public enum ImageStatus {
    /** Decoded and used by the image signals. */
    USED,
    /** The post has no image, or it was never downloaded. */
    MISSING,
    /** The file exists but is not a still image we can decode (webm, pdf, swf). */
    UNSUPPORTED,
    /** The file exists but could not be decoded (truncated or corrupt). */
    UNDECODABLE
}
