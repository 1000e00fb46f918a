package org.hms.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.hms.contracts.system.TopicEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "topics", description = "Kafka topics of the system descriptor.")
final class TopicsCommand {

    @ParentCommand
    HmsCli cli;

    @Spec
    CommandSpec spec;

    @Command(
            name = "create",
            description = "Create the descriptor's topics and their .dlq topics that are missing, and set"
                    + " retention.ms of existing ones to the declared value. Prints one line per change.")
    void create(
            @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT") String bootstrap,
            @Option(
                            names = "--timeout",
                            defaultValue = "30",
                            paramLabel = "SECONDS",
                            description = "How long the broker may take to answer (default ${DEFAULT-VALUE}).")
                    int timeoutSeconds) {
        List<TopicEntry> topics = cli.descriptor().topicsWithDeadLetters();
        PrintWriter out = spec.commandLine().getOut();
        try (TopicCreator creator = new TopicCreator(bootstrap, Duration.ofSeconds(timeoutSeconds))) {
            creator.ensure(topics).forEach(out::println);
        }
        out.printf("%d topics present: %s%n", topics.size(),
                String.join(" ", topics.stream().map(TopicEntry::name).toList()));
        out.flush();
    }
}
