package com.bizcharts.collect.live;

/** A catalog payload that is not what the 4chan API serves; nothing from it is stored. */
public final class CatalogFormatException extends Exception {
    public CatalogFormatException(String message) {
        super(message);
    }
}
