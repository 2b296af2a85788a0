package com.bizcharts.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code bizcharts learn ...}: the self-improving loop's maintenance commands. */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "The learning loop: drift checks, the golden test set, guarded retraining.",
        subcommands = {LearnDriftCommand.class, LearnGoldenCommand.class, LearnRetrainCommand.class, LearnCurvesCommand.class})
public final class LearnCommand {

    @ParentCommand
    BizchartsCommand root;
}
