package dev.softdelete.core.deprecation;

/** A rollback found the data of a deprecated table or column no longer matching the backup taken when it was renamed (row count or checksum): nothing was changed; the message says what differs and how to force. */
public class BackupMismatchException extends DeprecationException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public BackupMismatchException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public BackupMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
