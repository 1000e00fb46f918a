package org.hms.platform.events;

/** A message that can never be processed, however often it is retried: it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
