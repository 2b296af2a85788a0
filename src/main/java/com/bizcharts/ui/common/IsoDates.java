package com.bizcharts.ui.common;

import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Date pickers in ISO (2025-10-08), as every other date in the window and the command line, whatever the locale. */
public final class IsoDates {

    private IsoDates() {}

    public static StringConverter<LocalDate> converter() {
        return new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE);
    }
}
