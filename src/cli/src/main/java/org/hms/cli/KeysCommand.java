package org.hms.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "keys",
        description = "Create the dev JWT key pair in $HMS_HOME/keys if missing (RSA 2048, PEM); print where it is.")
final class KeysCommand implements Runnable {

    @ParentCommand
    HmsCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        DevKeys keys = cli.keys();
        PrintWriter out = spec.commandLine().getOut();
        keys.ensure().forEach(out::println);
        out.printf("JWT signing key %s, verification key %s (dev-only)%n", keys.privateKeyFile(), keys.publicKeyFile());
        out.flush();
    }
}
