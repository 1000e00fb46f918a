package org.hms.cli;

import java.io.PrintWriter;
import org.hms.contracts.system.ServiceEntry;
import org.hms.contracts.system.TopicEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What bash needs from {@code hms.yaml}, as plain space-separated lines for {@code while read}:
 * bash never parses YAML.
 */
@Command(
        name = "descriptor",
        description = "Print facts of the system descriptor as lines bash reads with `while read`.")
final class DescriptorCommand {

    @ParentCommand
    HmsCli cli;

    @Spec
    CommandSpec spec;

    @Command(name = "services", description = "One line per service: NAME PORT DATABASE(yes|no), in descriptor order.")
    void services() {
        PrintWriter out = spec.commandLine().getOut();
        for (ServiceEntry service : cli.descriptor().services()) {
            out.printf("%s %d %s%n", service.name(), service.port(), service.database() ? "yes" : "no");
        }
        out.flush();
    }

    @Command(
            name = "databases",
            description = "One line per database ./hms setup creates: DATABASE OWNER (the service's own,"
                    + " its _test and its _system database).")
    void databases() {
        PrintWriter out = spec.commandLine().getOut();
        for (ServiceEntry service : cli.descriptor().servicesWithDatabase()) {
            String db = service.databaseName();
            for (String name : new String[] {db, db + "_test", db + "_system"}) {
                out.printf("%s %s%n", name, db);
            }
        }
        out.flush();
    }

    @Command(
            name = "topics",
            description = "One line per topic, dead-letter topics included: NAME PARTITIONS RETENTION_MS.")
    void topics() {
        PrintWriter out = spec.commandLine().getOut();
        for (TopicEntry topic : cli.descriptor().topicsWithDeadLetters()) {
            out.printf("%s %d %d%n", topic.name(), topic.partitions(), topic.retentionMs());
        }
        out.flush();
    }
}
