package com.bizcharts.cli;

import com.bizcharts.sentiment.hub.FetchResult;
import com.bizcharts.sentiment.hub.FetchStatus;
import com.bizcharts.sentiment.hub.ModelCatalog;
import com.bizcharts.sentiment.hub.ModelFetch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code models fetch NAME | --list}: a known model from the Hugging Face Hub, checked and registered, not activated. */
@Command(name = "fetch", description = {
        "Download a model of the catalog (config/model-catalog.toml) from the Hugging Face Hub at its pinned revision "
                + "into the models folder, check each file's size and SHA-256, and register it without activating it.",
        "A broken-off download resumes where it stopped when run again. A gated or private repository needs HF_TOKEN."})
final class ModelsFetchCommand implements Runnable {

    @ParentCommand
    ModelsCommand parent;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "a model of the catalog (see --list)")
    String name;

    @Option(names = "--list", description = "list the catalog's models and where they come from")
    boolean list;

    @Override
    public void run() {
        ModelFetch fetch = parent.root.engine().scoring().modelFetch();
        PrintWriter w = spec.commandLine().getOut();
        if (list) {
            list(fetch, w);
            return;
        }
        if (name == null) throw new IllegalArgumentException("name a model to fetch (see 'models fetch --list')");
        int[] decile = {-1};
        String[] file = {null};
        FetchResult r = fetch.fetch(name, s -> print(s, w, decile, file), () -> false);
        if (!r.notes().isEmpty()) {
            w.println("note: " + r.notes().size() + " file(s) had no pinned SHA-256 in the catalog: the hashes seen now are "
                    + "recorded in the folder's manifest.json and later fetches are checked against them");
        }
        w.println(r.turnOn());
    }

    /** Every step, and the bytes of a file at each tenth. */
    private static void print(FetchStatus s, PrintWriter w, int[] decile, String[] file) {
        if (s.news() != null) {
            w.println(s.news());
            w.flush();
            return;
        }
        if (!s.file().equals(file[0])) {
            file[0] = s.file();
            decile[0] = -1;
        }
        int d = s.fraction() < 0 ? -1 : (int) Math.floor(s.fraction() * 10);
        if (d <= decile[0] || d < 1) return;
        decile[0] = d;
        w.printf(Locale.ROOT, "  %3d%%  %s%n", d * 10, s.progressLine());
        w.flush();
    }

    private static void list(ModelFetch fetch, PrintWriter w) {
        w.println("models known to 'models fetch' (from " + fetch.hubBase() + "):");
        for (ModelCatalog.Model m : fetch.catalog().models()) {
            String size = m.describeSize();
            long pinned = m.files().stream().filter(ModelCatalog.File::pinned).count();
            w.printf(Locale.ROOT, "  %-22s %-17s %s@%s%n", m.name(), m.kind(), m.repo(), shortRevision(m.revision()));
            w.printf(Locale.ROOT, "  %-22s %s%n", "", m.description());
            w.printf(Locale.ROOT, "  %-22s %d files%s, %d of them with a pinned SHA-256; into %s%n", "", m.files().size(),
                    size.isEmpty() ? "" : " (" + size + ")", pinned,
                    fetch.folder(m.name()).toString().replace('\\', '/'));
        }
    }

    private static String shortRevision(String r) {
        return r.matches("[0-9a-f]{40}") ? r.substring(0, 12) : r;
    }
}
