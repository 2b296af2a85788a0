package com.bizcharts.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench}: speed figures for the engine's hot paths; each measurement is a subcommand. */
@Command(name = "bench", description = "Print speed figures (parent of the benchmark commands).",
        subcommands = {
                BenchCatalogCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.ParentCommand
    BizchartsCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public BizchartsCommand root() {
        return root;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
