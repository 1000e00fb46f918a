package org.hms.contracts.system;

/** A Kafka topic of the descriptor; {@code retentionMs} -1 keeps records forever. */
public record TopicEntry(String name, int partitions, long retentionMs) {

    public TopicEntry {
        if (name == null || !name.matches("hms\\.[a-z0-9.-]+")) {
            throw new IllegalArgumentException("system descriptor: topic '" + name + "' must be hms.<name>");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("system descriptor: topic " + name + " needs partitions >= 1");
        }
    }

    public String deadLetter() {
        return name + ".dlq";
    }
}
