package com.bizcharts;

import com.bizcharts.cli.BizchartsCommand;

/**
 * Entry point of the jar. With no arguments (or only {@code --config}/{@code --db}) it opens the workstation; with a
 * command it runs the command line. It does not extend {@code javafx.application.Application}: a jar whose main class
 * does fails with "JavaFX runtime components are missing".
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        var window = WindowArguments.of(args);
        if (window.isPresent()) {
            System.exit(com.bizcharts.ui.WorkstationLauncher.launch(window.get(), System.err));
        }
        System.exit(BizchartsCommand.run(args, System.out, System.err));
    }
}
