package com.bizcharts;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line that opens the window: nothing, {@code gui}, or only the global options every command takes
 * ({@code --config FILE}, {@code --db PATH}, either as {@code --opt=value}), so that {@code ./bizcharts --db x.db}
 * opens the window on x.db as {@code ./bizcharts --db x.db stats} reports on it.
 */
public record WindowArguments(Path config, Path db) {

    /** The window's arguments, or empty when {@code args} name a command (or ask for help) for the command line. */
    public static Optional<WindowArguments> of(String[] args) {
        int i = args.length > 0 && args[0].equals("gui") ? 1 : 0;
        Path config = null, db = null;
        while (i < args.length) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!name.equals("--config") && !name.equals("--db")) return Optional.empty();
            String value;
            if (a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
                i++;
            } else {
                if (i + 1 >= args.length) return Optional.empty(); // let the command line say the value is missing
                value = args[i + 1];
                i += 2;
            }
            if (name.equals("--config")) config = Path.of(value);
            else db = Path.of(value);
        }
        return Optional.of(new WindowArguments(config, db));
    }

    /** Where the window keeps what it remembers: next to the settings file, never inside it. */
    public Path stateFile(Path defaultSettings) {
        Path settings = config != null ? config : defaultSettings;
        return settings.toAbsolutePath().resolveSibling("workstation-state.properties");
    }
}
