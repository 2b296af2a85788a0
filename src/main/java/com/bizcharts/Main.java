package com.bizcharts;

import com.bizcharts.cli.BizchartsCommand;

/**
 * Entry point of the jar. With no arguments it opens the workstation; with arguments it runs the command line.
 * It does not extend {@code javafx.application.Application}: a jar whose main class does fails with
 * "JavaFX runtime components are missing".
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || (args.length >= 1 && args[0].equals("gui"))) {
            String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            com.bizcharts.ui.WorkstationLauncher.launch(rest);
            return;
        }
        System.exit(BizchartsCommand.run(args, System.out, System.err));
    }
}
