package com.bizcharts.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line in a real second JVM on the test's classpath: another process on the same database file, as a
 * cron job or a shell beside the open workstation would be. Its output goes to a file, for the assertion messages.
 */
public final class ChildCli {

    private ChildCli() {}

    public static Process start(Path log, String... args) throws IOException {
        return startMain(log, List.of(), com.bizcharts.Main.class, args);
    }

    /** Another main class of the test classpath in its own JVM, for a second process that is not the command line. */
    public static Process startMain(Path log, List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                // the test's home (target/test-home), so a child's caches stay out of the real one like the test's own
                "-Duser.home=" + System.getProperty("user.home")));
        command.addAll(jvmOptions);  // later options win: a test may give the child a home of its own
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
