package dev.softdelete.hibernate.internal.bootstrap;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.engine.jdbc.batch.spi.BatchKey;
import org.hibernate.engine.jdbc.mutation.ParameterUsage;
import org.hibernate.jdbc.Expectation;
import org.hibernate.sql.exec.spi.JdbcParameterBinder;
import org.hibernate.sql.model.MutationTarget;
import org.hibernate.sql.model.MutationType;
import org.hibernate.sql.model.TableMapping;
import org.hibernate.sql.model.jdbc.JdbcMutationOperation;
import org.hibernate.sql.model.jdbc.JdbcValueDescriptor;

/**
 * A Hibernate mutation operation whose SQL text is settled at its first use, everything else
 * (parameters, their order, batching) being the {@code shape}'s. The soft-delete UPDATE is built
 * with the entity persister, before any connection or table exists, but the expression that
 * writes its marker depends on the database and on the marker column's type: the
 * {@code sql} supplier gives a text with the same parameters in the same order, read once
 * when Hibernate first prepares the statement.
 */
final class FirstUseSqlOperation implements JdbcMutationOperation {

    private final JdbcMutationOperation shape;
    private final Supplier<String> sql;
    private volatile String settled;

    FirstUseSqlOperation(JdbcMutationOperation shape, Supplier<String> sql) {
        this.shape = shape;
        this.sql = sql;
    }

    @Override
    public String getSqlString() {
        String text = settled;
        if (text == null) {
            text = sql.get();
            settled = text;
        }
        return text;
    }

    @Override
    public Set<String> getAffectedTableNames() {
        return shape.getAffectedTableNames();
    }

    @Override
    public List<JdbcParameterBinder> getParameterBinders() {
        return shape.getParameterBinders();
    }

    @Override
    public boolean isCallable() {
        return shape.isCallable();
    }

    @Override
    public Expectation getExpectation() {
        return shape.getExpectation();
    }

    @Override
    public boolean canBeBatched(BatchKey batchKey, int batchSize) {
        return shape.canBeBatched(batchKey, batchSize);
    }

    @Override
    public MutationType getMutationType() {
        return shape.getMutationType();
    }

    @Override
    public MutationTarget<?> getMutationTarget() {
        return shape.getMutationTarget();
    }

    @Override
    public TableMapping getTableDetails() {
        return shape.getTableDetails();
    }

    @Override
    public JdbcValueDescriptor findValueDescriptor(String columnName, ParameterUsage usage) {
        return shape.findValueDescriptor(columnName, usage);
    }

    @Override
    public JdbcValueDescriptor getJdbcValueDescriptor(String columnName, ParameterUsage usage) {
        return shape.getJdbcValueDescriptor(columnName, usage);
    }

    @Override
    public String toString() {
        return "FirstUseSqlOperation(" + (settled != null ? settled : shape.getSqlString()) + ")";
    }
}
