package com.bizcharts.collect.live;

/** The catalog payload is not what 4chan serves; nothing from it is stored. */
public final class MalformedCatalogException extends RuntimeException {

    public MalformedCatalogException(String message) {
        super(message);
    }

    public MalformedCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
