package dev.softdelete.samples.spring;

import dev.softdelete.hibernate.RowNotFoundException;
import dev.softdelete.hibernate.restore.NotDeletedException;
import dev.softdelete.hibernate.restore.RestoreConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The library's exceptions as HTTP problems (RFC 9457), with the library's message as the detail. */
@RestControllerAdvice
class CatalogueErrors {

    /** 409: restoring would give two active rows the same unique key; nothing was restored. */
    @ExceptionHandler(RestoreConflictException.class)
    ProblemDetail restoreConflict(RestoreConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Restore conflict");
        problem.setProperty("constraint", e.constraint());
        problem.setProperty("columns", e.columns());
        problem.setProperty("conflictingId", e.conflictingId());
        return problem;
    }

    /** 409: the row to restore is active. */
    @ExceptionHandler(NotDeletedException.class)
    ProblemDetail notDeleted(NotDeletedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not deleted");
        return problem;
    }

    /** 404: no row has that id, deleted or not (a purged row cannot be restored). */
    @ExceptionHandler(RowNotFoundException.class)
    ProblemDetail notFound(RowNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such row");
        return problem;
    }
}
