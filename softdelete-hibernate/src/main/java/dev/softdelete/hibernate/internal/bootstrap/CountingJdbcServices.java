package dev.softdelete.hibernate.internal.bootstrap;

import java.sql.PreparedStatement;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.engine.jdbc.internal.JdbcServicesImpl;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcMutationExecutor;
import org.hibernate.sql.exec.spi.JdbcOperationQueryMutation;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;

/**
 * Hibernate's JDBC services with one change: the executor of HQL, Criteria and native mutations
 * reports the row count of each bulk delete that the {@link SoftDeleteStatementInspector} turned
 * into a soft delete, so {@code softdelete.operations} counts bulk deletes by their rows. The
 * inspector sees only SQL text and the executor only the count; they meet on the executing thread
 * (the inspector runs inside the executor's {@code prepareStatement}).
 */
final class CountingJdbcServices extends JdbcServicesImpl {

    private final SoftDeleteRuntime runtime;
    private volatile JdbcMutationExecutor mutations;

    private CountingJdbcServices(SoftDeleteRuntime runtime) {
        this.runtime = runtime;
    }

    /** Replaces the standard {@link JdbcServices} of a registry that has a soft-delete runtime. */
    static StandardServiceInitiator<JdbcServices> initiator(SoftDeleteRuntime runtime) {
        return new StandardServiceInitiator<>() {
            @Override
            public Class<JdbcServices> getServiceInitiated() {
                return JdbcServices.class;
            }

            @Override
            public JdbcServices initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
                return new CountingJdbcServices(runtime);
            }
        };
    }

    @Override
    public JdbcMutationExecutor getJdbcMutationExecutor() {
        JdbcMutationExecutor current = mutations;
        if (current == null) {
            current = new Counting(super.getJdbcMutationExecutor(), runtime);
            mutations = current;
        }
        return current;
    }

    private record Counting(JdbcMutationExecutor delegate, SoftDeleteRuntime runtime) implements JdbcMutationExecutor {
        @Override
        public int execute(JdbcOperationQueryMutation operation, JdbcParameterBindings bindings,
                Function<String, PreparedStatement> statementCreator,
                BiConsumer<Integer, PreparedStatement> expectationCheck, ExecutionContext context) {
            runtime.takeSoftenedDelete(); // a note left by a statement prepared elsewhere is not ours
            int rows = delegate.execute(operation, bindings, statementCreator, expectationCheck, context);
            String softened = runtime.takeSoftenedDelete();
            if (softened != null) {
                runtime.deletes().bulkDeleted(context.getSession(), softened, rows);
            }
            return rows;
        }
    }
}
