package org.hms.platform.problem;

/** One invalid field of a request: its JSON path ("name.family", "identifiers[0].value") and why. */
public record FieldError(String field, String message) {}
