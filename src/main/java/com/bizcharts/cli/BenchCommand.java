package com.bizcharts.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code bench}: speed figures, printed (benchmarks live apart from tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure throughput and print the figures.",
        subcommands = {BenchScoreCommand.class, BenchCatalogCommand.class, BenchIndexCommand.class, BenchUiCommand.class,
                BenchPipelineCommand.class, BenchOcrCommand.class, BenchImageCommand.class})
public final class BenchCommand {

    @ParentCommand
    BizchartsCommand root;
}
