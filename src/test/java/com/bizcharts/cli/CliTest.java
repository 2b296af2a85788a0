package com.bizcharts.cli;

import com.bizcharts.learn.teacher.ApiKeys;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it prints. */
public record CliTest(int exitCode, String out, String err) {

    public static CliTest run(String... args) {
        return run(ApiKeys.system(), args);
    }

    /** With the keys (and SSH passphrase) from {@code environment} only, never this machine's. */
    public static CliTest run(java.util.Map<String, String> environment, String... args) {
        return run(new ApiKeys(environment, false), args);
    }

    private static CliTest run(ApiKeys secrets, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BizchartsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), secrets);
        return new CliTest(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
