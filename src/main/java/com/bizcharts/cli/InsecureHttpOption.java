package com.bizcharts.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --allow-insecure} for the commands that send an API key (autolabel, prices sync, the RunPod side of remote):
 * the user's explicit consent to send it over plain http:// to a host other than the loopback. It is applied to the
 * root's settings as it is parsed, before the command opens the engine, so every client the engine builds sees it.
 */
final class InsecureHttpOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--allow-insecure", description = "allow sending the API key over plain http:// to a host other than"
            + " this machine (anyone on the network path can read it)")
    void allow(boolean allow) {
        if (allow && mixee.root().userObject() instanceof BizchartsCommand root) root.allowInsecureHttp();
    }
}
