package com.bizcharts.collect.warosu;

/** A Warosu page that does not have the markup we read; nothing from it is stored. */
public final class WarosuFormatException extends Exception {
    public WarosuFormatException(String message) {
        super(message);
    }
}
