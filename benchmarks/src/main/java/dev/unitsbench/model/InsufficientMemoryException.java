package dev.unitsbench.model;

/** Thrown before any child JVM starts when the requested number would not fit in memory. */
public final class InsufficientMemoryException extends IllegalStateException {

    public InsufficientMemoryException(String message) {
        super(message);
    }
}
