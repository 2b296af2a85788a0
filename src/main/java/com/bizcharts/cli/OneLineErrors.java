package com.bizcharts.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Bad input gives one line and a non-zero exit, never a stack trace (the trace goes to the debug log). */
final class OneLineErrors {
    private static final Logger log = LoggerFactory.getLogger(OneLineErrors.class);

    private OneLineErrors() {}

    private static final java.util.regex.Pattern INVALID_VALUE = java.util.regex.Pattern.compile("^Invalid value for option '([^']+)': (.*)$");

    /** Dates on the command line: ISO days only, checked strictly (2025-02-30 is not a day), said in one line. */
    static final class IsoDate implements CommandLine.ITypeConverter<java.time.LocalDate> {
        private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);

        @Override
        public java.time.LocalDate convert(String value) {
            try {
                return java.time.LocalDate.parse(value.strip(), DAY);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(value + ": not a date, expected YYYY-MM-DD");
            }
        }
    }

    static final class Parameters implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            // "--from 2025-13-01: not a date, expected YYYY-MM-DD" reads better than picocli's "Invalid value for option"
            String message = INVALID_VALUE.matcher(String.valueOf(ex.getMessage())).replaceFirst("$1 $2");
            cmd.getErr().println("error: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        }
    }

    static final class Execution implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
            log.debug("command failed", ex);
            cmd.getErr().println("error: " + oneLine(ex));
            return ex instanceof IllegalArgumentException ? 2 : 1;
        }
    }

    /** Past this, a message is cut: an error line is read by a person, and the whole of it is in the debug log. */
    static final int MAX_MESSAGE = 400;

    /**
     * The exception's message as one short line. jOOQ's messages start with the whole statement ("SQL [insert ...];
     * reason", 1.25 MB for a large insert): its cause, the database's own reason, is what a person needs.
     */
    static String oneLine(Throwable ex) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (message.startsWith("SQL [") && ex.getCause() != null && ex.getCause().getMessage() != null) {
            message = "database error: " + ex.getCause().getMessage();
        }
        message = message.replaceAll("\\s*\\R\\s*", " ").strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "... (" + (message.length() - MAX_MESSAGE)
                    + " more characters in the debug log)";
        }
        return message;
    }
}
