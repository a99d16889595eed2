package dev.softdelete.core.registry;

import dev.softdelete.core.SoftDeleteException;

/** The run is not in a state that allows the requested operation (e.g. undoing an undone run). Nothing changed. */
public class RunStateException extends SoftDeleteException {

    /** Creates the exception with a message naming the run and its state, and what to do next. */
    public RunStateException(String message) {
        super(message);
    }
}
