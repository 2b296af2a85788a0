package com.bizcharts.cli;

import com.bizcharts.store.retention.RetentionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code bizcharts maintain [--dry-run] [--vacuum] [--reextract-coins]}: applies the retention policy from settings
 * [retention]; with {@code --reextract-coins} first extracts every stored thread's coin mentions again.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = "Apply retention: strip old HTML, drop expired threads (labeled and busy ones kept), thin snapshots, prune thumbnails.")
final class MaintainCommand implements Callable<Integer> {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dry-run", description = "print what would be done and change nothing")
    boolean dryRun;

    @Option(names = "--vacuum", description = "afterwards VACUUM and ANALYZE the database (ignored with --dry-run)")
    boolean vacuum;

    @Option(names = "--reextract-coins",
            description = "first extract the coin mentions of every stored thread again, with the current coin list and rules")
    boolean reextractCoins;

    @Override
    public Integer call() {
        var engine = root.engine();
        if (reextractCoins && dryRun) {
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "would extract the coin mentions of %d threads again%n",
                    engine.collecting().threads().count());
        } else if (reextractCoins) {
            var r = engine.collecting().reextractCoinMentions();
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "extracted the coin mentions of %d threads again: %d mentions%n",
                    r.threads(), r.mentions());
        }
        RetentionReport r = engine.collecting().maintenance().run(engine.collecting().retentionPolicy(), dryRun);
        var out = spec.commandLine().getOut();
        out.println(r.describe());
        if (vacuum && dryRun) {
            out.println("would VACUUM and ANALYZE the database");
        } else if (vacuum) {
            long[] size = engine.collecting().maintenance().compact();
            out.printf(java.util.Locale.ROOT, "vacuumed and analyzed: database %.1f MB -> %.1f MB%n",
                    size[0] / 1e6, size[1] / 1e6);
        }
        return 0;
    }
}
