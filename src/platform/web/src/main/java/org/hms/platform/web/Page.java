package org.hms.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: its items, where it is, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 100;

    public static final int DEFAULT_SIZE = 20;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
