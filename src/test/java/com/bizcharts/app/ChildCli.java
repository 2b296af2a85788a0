package com.bizcharts.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line in a real second JVM on the test's classpath: another process on the same database file, as a
 * cron job or a shell beside the open workstation would be. Its output goes to a file, for the assertion messages.
 */
final class ChildCli {

    private ChildCli() {}

    static Process start(Path log, String... args) throws IOException {
        return startMain(log, com.bizcharts.Main.class, args);
    }

    /** Another main class of the test classpath in its own JVM, for a second process that is not the command line. */
    static Process startMain(Path log, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
