package com.bizcharts.collect.http;

/**
 * The most bytes a response body of one kind may have (a catalog, a Warosu page, a thumbnail...). A server that
 * sends more is cut off there and the request fails with a message naming the kind, its cap and the setting that
 * sets it: a 1.5 GB "catalog" must never reach memory.
 *
 * @param kind    what the body is, in the product's words ("catalog", "Warosu page")
 * @param bytes   the cap
 * @param setting the settings key that sets it, for the error message
 */
public record BodyCap(String kind, long bytes, String setting) {

    /** For requests that name no kind: generous, but still finite. */
    public static final BodyCap DEFAULT = ofKilobytes("response", 16 * 1024, null);

    public BodyCap {
        if (bytes < 1) throw new IllegalArgumentException("a body cap must be at least 1 byte (" + kind + ")");
    }

    public static BodyCap ofKilobytes(String kind, long kilobytes, String setting) {
        return new BodyCap(kind, kilobytes * 1024, setting);
    }

    /** The cap in words: "16 MB", "512 KB". */
    public String describe() {
        if (bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MB";
        if (bytes % 1024 == 0) return bytes / 1024 + " KB";
        return bytes + " bytes";
    }

    String tooLarge(String got) {
        return kind + " body " + got + " is over its " + describe() + " cap" + (setting == null ? "" : " (" + setting + ")");
    }
}
