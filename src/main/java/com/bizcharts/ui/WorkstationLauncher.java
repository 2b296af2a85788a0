package com.bizcharts.ui;

import com.bizcharts.WindowArguments;
import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import javafx.application.Application;

import java.io.PrintStream;
import java.util.Locale;

/** Starts the JavaFX workstation from the plain {@code Main} class, with the same --config and --db as every command. */
public final class WorkstationLauncher {
    private WorkstationLauncher() {}

    /** Opens the window and returns the exit code once it is closed; what stops it from opening is one line on {@code err}. */
    public static int launch(WindowArguments args, PrintStream err) {
        if (!displayAvailable()) {
            err.println("no display: set DISPLAY (or WAYLAND_DISPLAY) or use a command, see ./bizcharts --help");
            return 2;
        }
        Settings settings;
        try {
            Settings loaded = Settings.load(args.config() == null ? Settings.DEFAULT_FILE : args.config(), args.config() != null);
            settings = args.db() == null ? loaded : loaded.withDatabase(args.db());
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        WorkstationApp.openEngineEarly(() -> new Engine(settings));
        WorkstationApp.keepStateIn(args.stateFile(Settings.DEFAULT_FILE));
        try {
            Application.launch(WorkstationApp.class);
            return 0;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
            err.println("error: the workstation could not start: " + cause.getMessage());
            return 1;
        }
    }

    /** On Linux and the BSDs a window needs an X or Wayland display; macOS and Windows always have one. */
    static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("win")) return true;
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) return true; // headless rendering needs none
        return !isBlank(System.getenv("DISPLAY")) || !isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
