package com.bizcharts.cli;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The root command: global options and the list of subcommands. */
@Command(name = "bizcharts", mixinStandardHelpOptions = true, version = "BizCharts Workstation 0.1.0",
        description = "Collect, label and analyse /biz/ crypto sentiment. With no command, opens the workstation.",
        subcommands = {
                CommandLine.HelpCommand.class,
                TrainCommand.class, EvalCommand.class, SentimentCommand.class, ScoreCommand.class, ModelsCommand.class, BenchCommand.class,
                LiveCommand.class, WarosuCommand.class, MaintainCommand.class, StatsCommand.class, CoverageCommand.class,
                LabelsCommand.class, OcrCommand.class, IndexCommand.class, CoinsCommand.class, PricesCommand.class,
                LearnCommand.class, AlCommand.class,
                AutolabelCommand.class,
                RemoteCommand.class,
        })
public final class BizchartsCommand {

    @Option(names = "--db", paramLabel = "PATH", description = "SQLite database file (default from settings: data/bizcharts.db)")
    Path db;

    @Option(names = "--config", paramLabel = "FILE", description = "settings file (default config/settings.toml)")
    Path config;

    private ApiKeys secrets = ApiKeys.system();
    private boolean insecureHttp;
    private Settings settings;
    private Engine engine;
    private SentimentSignals signals;

    /** Settings from --config (or the default file) with --db applied. */
    public Settings settings() {
        if (settings == null) {
            Settings loaded = Settings.load(config == null ? Settings.DEFAULT_FILE : config, config != null);
            Settings withDb = db == null ? loaded : loaded.withDatabase(db);
            settings = insecureHttp ? withDb.withInsecureHttpAllowed() : withDb;
        }
        return settings;
    }

    /** The engine, opened on first use so that commands without a database never create one. */
    public Engine engine() {
        if (engine == null) engine = new Engine(settings(), secrets);
        return engine;
    }

    /** Where API keys and the SSH passphrase come from: the environment, then the keyring. */
    public ApiKeys secrets() { return secrets; }

    /** {@code --allow-insecure}: keys may go over plain http:// to any host for this run (see {@link InsecureHttpOption}). */
    void allowInsecureHttp() {
        if (engine != null) throw new IllegalStateException("--allow-insecure must be applied before the engine opens");
        insecureHttp = true;
        settings = null;
    }

    /**
     * The engine on a database that must exist already: a command that only reads says so, instead of creating an
     * empty database (and its folder) to report nothing from.
     */
    public Engine existingEngine() {
        Path file = settings().paths().databasePath();
        if (engine == null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("database does not exist: " + file + " (commands that collect or import"
                    + " create it: 'live', 'warosu', 'labels import'; or give --db the path of an existing one)");
        }
        return engine();
    }

    /** The sentiment signals: the engine's when it is open, else built from settings alone (no database). */
    public SentimentSignals signals() {
        if (engine != null) return engine.scoring().signals();
        if (signals == null) signals = Engine.signals(settings());
        return signals;
    }

    void closeEngine() {
        if (engine != null) engine.close();
        engine = null;
        if (signals != null) signals.close();
        signals = null;
    }

    /** Runs the command line and returns the exit code; used by {@code Main} and by tests in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, ApiKeys.system());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)} with the keys from {@code secrets} (tests pass their own). */
    public static int run(String[] args, PrintStream out, PrintStream err, ApiKeys secrets) {
        BizchartsCommand root = new BizchartsCommand();
        root.secrets = secrets;
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.registerConverter(java.time.LocalDate.class, new OneLineErrors.IsoDate());
        cmd.setParameterExceptionHandler(new OneLineErrors.Parameters());
        cmd.setExecutionExceptionHandler(new OneLineErrors.Execution());
        try {
            return cmd.execute(args);
        } finally {
            root.closeEngine();
        }
    }
}
