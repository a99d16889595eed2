package dev.softdelete.hibernate.internal.bootstrap;

import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.hibernate.internal.mapping.EntityMapping;
import dev.softdelete.hibernate.internal.operation.Operation;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.hibernate.engine.jdbc.mutation.JdbcValueBindings;
import org.hibernate.engine.jdbc.mutation.MutationExecutor;
import org.hibernate.engine.jdbc.mutation.ParameterUsage;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.AbstractDeleteCoordinator;
import org.hibernate.persister.entity.mutation.EntityTableMapping;
import org.hibernate.sql.model.MutationOperation;
import org.hibernate.sql.model.MutationOperationGroup;
import org.hibernate.sql.model.MutationType;
import org.hibernate.sql.model.ast.RestrictedTableMutation;
import org.hibernate.sql.model.ast.builder.TableUpdateBuilderStandard;
import org.hibernate.sql.model.internal.MutationGroupSingle;
import org.hibernate.sql.model.internal.MutationOperationGroupFactory;
import org.hibernate.sql.model.internal.TableUpdateStandard;
import org.hibernate.sql.model.jdbc.JdbcMutationOperation;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.java.ObjectJavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/**
 * Deletes a {@code @SoftDeletable} entity by marking its root row:
 * {@code update <root> set <marker> = ?, <deleted_by> = ? where <id> = ? [and <version> = ?] and <marker> is null}.
 * The operation's instant and actor are bind parameters, set through Hibernate's own JDBC value
 * bindings, so that they are batched with the other deletes and never become SQL text. The
 * instant's parameter is the dialect's {@code instantParameter} (on PostgreSQL, microseconds
 * since 1970 added to the epoch, which spares the server a timestamp parse per row). Joined
 * subclass rows stay. A row already deleted, or a stale version, updates nothing and Hibernate
 * reports it as a stale entity (JPA {@code OptimisticLockException}).
 */
final class MarkingDeleteCoordinator extends AbstractDeleteCoordinator {

    /** Looked up on first use (the runtime and mappings are complete once the factory is built). */
    private volatile SoftDeleteRuntime cachedRuntime;
    private volatile EntityMapping cachedMapping;

    MarkingDeleteCoordinator(EntityPersister persister) {
        super(persister, persister.getFactory());
    }

    // Called by the super constructor too (the static group: no session, no connection yet): read
    // everything from the persister; instance fields are still unset then.
    @Override
    protected MutationOperationGroup generateOperationGroup(Object rowId, Object[] loadedState, boolean applyVersion,
            SharedSessionContractImplementor session) {
        EntityPersister persister = entityPersister();
        if (session != null) {   // a group built for one delete: the marker's expression is known now
            return group(persister, build(rowId, loadedState, applyVersion, session, markerParameter()));
        }
        RestrictedTableMutation<MutationOperation> shape = build(rowId, loadedState, applyVersion, null, "?");
        JdbcMutationOperation operation = new FirstUseSqlOperation(
                (JdbcMutationOperation) shape.createMutationOperation(null, factory()),
                () -> ((JdbcMutationOperation) build(rowId, loadedState, applyVersion, null, markerParameter())
                        .createMutationOperation(null, factory())).getSqlString());
        return MutationOperationGroupFactory.singleOperation(
                new MutationGroupSingle(MutationType.DELETE, persister, shape), operation);
    }

    /**
     * {@code update <root> set <marker> = <markerParameter>, <deleted_by> = ? where <id> = ? [and <version> = ?]
     * and <marker> is null}: one parameter per column whatever the marker's expression.
     */
    private RestrictedTableMutation<MutationOperation> build(Object rowId, Object[] loadedState, boolean applyVersion,
            SharedSessionContractImplementor session, String markerParameter) {
        EntityPersister persister = entityPersister();
        SoftDeletableTable names = mapping().table();
        EntityTableMapping root = persister.getIdentifierTableMapping();
        var update = new MarkingUpdateBuilder(persister, root, factory(), "soft delete " + persister.getEntityName());
        applyKeyRestriction(rowId, persister, update, root);
        JdbcMapping instant = factory().getTypeConfiguration().getBasicTypeRegistry()
                .resolve(ObjectJavaType.INSTANCE, new InstantJdbcType(runtime()));
        Column marker = new Column(root.getTableName(), names.markerColumn(), instant);
        update.addValueColumn(markerParameter, marker);
        names.deletedBy().ifPresent(by -> update.addValueColumn("?", new Column(root.getTableName(), by,
                factory().getTypeConfiguration().getBasicTypeForJavaType(String.class))));
        update.addNullOptimisticLockRestriction(marker);
        applyPartitionKeyRestriction(table -> update);
        if (applyVersion) {
            applyOptimisticLocking(persister.optimisticLockStyle(), tableMutationBuilderResolver(update), loadedState,
                    session);
        }
        return update.buildMutation();
    }

    private MutationOperationGroup group(EntityPersister persister, RestrictedTableMutation<MutationOperation> mutation) {
        return MutationOperationGroupFactory.singleOperation(
                new MutationGroupSingle(MutationType.DELETE, persister, mutation),
                mutation.createMutationOperation(null, factory()));
    }

    /** How the database writes the marker instant cheapest, for the marker column's type (read from the catalog). */
    private String markerParameter() {
        SoftDeleteRuntime runtime = runtime();
        return runtime.dialect().instantParameter(runtime.markerHasZone(mapping()));
    }

    @Override
    protected void applyStaticDeleteTableDetails(Object id, Object rowId, Object[] loadedState, Object version,
            boolean applyVersion, MutationExecutor mutationExecutor, SharedSessionContractImplementor session) {
        bindOperation(mutationExecutor.getJdbcValueBindings(), session);
        super.applyStaticDeleteTableDetails(id, rowId, loadedState, version, applyVersion, mutationExecutor, session);
    }

    @Override
    protected void applyDynamicDeleteTableDetails(Object id, Object rowId, Object[] loadedState,
            MutationExecutor mutationExecutor, MutationOperationGroup operationGroup,
            SharedSessionContractImplementor session) {
        bindOperation(mutationExecutor.getJdbcValueBindings(), session);
        super.applyDynamicDeleteTableDetails(id, rowId, loadedState, mutationExecutor, operationGroup, session);
    }

    /** The session's operation: one instant and actor for the row and its cascade children. */
    private void bindOperation(JdbcValueBindings bindings, SharedSessionContractImplementor session) {
        SoftDeleteRuntime runtime = runtime();
        EntityMapping mapping = mapping();
        Operation operation = runtime.operations().enter(session);
        String actor = runtime.actorFor(mapping, operation.actor());
        String table = entityPersister().getIdentifierTableMapping().getTableName();
        bindings.bindValue(new MarkerInstant(operation.at(), runtime.markerHasZone(mapping)), table,
                mapping.table().markerColumn(), ParameterUsage.SET);
        mapping.table().deletedBy().ifPresent(by -> bindings.bindValue(actor, table, by, ParameterUsage.SET));
    }

    private SoftDeleteRuntime runtime() {
        SoftDeleteRuntime runtime = cachedRuntime;
        if (runtime != null) {
            return runtime;
        }
        runtime = SoftDeleteRuntime.from(factory().getServiceRegistry());
        cachedRuntime = runtime;
        if (runtime == null) {
            throw new SoftDeleteException("softdelete-hibernate is not set up for the session factory of "
                    + entityPersister().getEntityName());
        }
        return runtime;
    }

    private EntityMapping mapping() {
        EntityMapping mapping = cachedMapping;
        if (mapping == null) {
            mapping = runtime().mappings().forEntity(entityPersister().getEntityName()).orElseThrow(() ->
                    new SoftDeleteException("Entity " + entityPersister().getEntityName() + " is not @SoftDeletable"));
            cachedMapping = mapping;
        }
        return mapping;
    }

    /** The UPDATE as written, even when the entity declares its own {@code @SQLUpdate}. */
    private static final class MarkingUpdateBuilder extends TableUpdateBuilderStandard<MutationOperation> {

        MarkingUpdateBuilder(EntityPersister persister, EntityTableMapping table,
                org.hibernate.engine.spi.SessionFactoryImplementor factory, String comment) {
            super(persister, table, factory);
            setSqlComment(comment);
        }

        @Override
        @SuppressWarnings("unchecked")
        public RestrictedTableMutation<MutationOperation> buildMutation() {
            return (RestrictedTableMutation<MutationOperation>) (RestrictedTableMutation<?>) new TableUpdateStandard(
                    getMutatingTable(), getMutationTarget(), getSqlComment(),
                    combine(getValueBindings(), getKeyBindings(), getLobValueBindings()),
                    getKeyRestrictionBindings(), getOptimisticLockBindings(), null, null, List.of());
        }
    }

    /** A column Hibernate does not map (the marker and deleted-by columns need no attribute). */
    private record Column(String table, String name, JdbcMapping jdbcMapping) implements SelectableMapping {

        @Override
        public String getContainingTableExpression() {
            return table;
        }

        @Override
        public String getSelectionExpression() {
            return name;
        }

        @Override
        public String getCustomReadExpression() {
            return null;
        }

        @Override
        public String getCustomWriteExpression() {
            return null;
        }

        @Override
        public boolean isFormula() {
            return false;
        }

        @Override
        public boolean isNullable() {
            return true;
        }

        @Override
        public boolean isInsertable() {
            return false;
        }

        @Override
        public boolean isUpdateable() {
            return true;
        }

        @Override
        public boolean isPartitioned() {
            return false;
        }

        @Override
        public Long getLength() {
            return null;
        }

        @Override
        public Integer getArrayLength() {
            return null;
        }

        @Override
        public Integer getPrecision() {
            return null;
        }

        @Override
        public Integer getScale() {
            return null;
        }

        @Override
        public Integer getTemporalPrecision() {
            return null;
        }

        @Override
        public JdbcMapping getJdbcMapping() {
            return jdbcMapping;
        }
    }

    /** The operation's instant and how the marker column stores it. */
    private record MarkerInstant(Instant at, boolean columnHasTimeZone) {
    }

    /** Binds a {@link MarkerInstant} as the core dialect writes instants: never through a default zone. */
    private record InstantJdbcType(SoftDeleteRuntime runtime) implements JdbcType {

        @Override
        public int getJdbcTypeCode() {
            return Types.TIMESTAMP;
        }

        @Override
        public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
            return new ValueBinder<>() {
                @Override
                public void bind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                    MarkerInstant marker = (MarkerInstant) value;
                    runtime.dialect().bindInstantParameter(st, index, marker.at(), marker.columnHasTimeZone());
                }

                @Override
                public void bind(CallableStatement st, X value, String name, WrapperOptions options) {
                    throw new UnsupportedOperationException("the soft-delete marker is bound by position");
                }
            };
        }

        @Override
        public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
            return null;   // a parameter of the soft-delete UPDATE only, never read
        }
    }
}
