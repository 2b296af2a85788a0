package com.bizcharts.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Bad input gives one line and a non-zero exit, never a stack trace (the trace goes to the debug log). */
final class OneLineErrors {
    private static final Logger log = LoggerFactory.getLogger(OneLineErrors.class);

    private OneLineErrors() {}

    static final class Parameters implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("error: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        }
    }

    static final class Execution implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
            log.debug("command failed", ex);
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cmd.getErr().println("error: " + message);
            return ex instanceof IllegalArgumentException ? 2 : 1;
        }
    }
}
