package dev.softdelete.proxy.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.proxy.internal.jdbc.ProxyDataSource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every JDBC 4.3 method, abstract or default, is implemented by the wrappers themselves: an
 * interface default (e.g. {@code executeLargeUpdate}, {@code enquoteLiteral}, {@code beginRequest})
 * left in place would bypass the driver, the bug p6spy had for years.
 */
class ProxyCompletenessTest {

    @Test
    void everyInterfaceMethodIsOverriddenByTheWrapper() {
        assertImplementsAll(ProxyConnection.class, Connection.class);
        assertImplementsAll(ProxyStatement.class, Statement.class);
        assertImplementsAll(ProxyPreparedStatement.class, PreparedStatement.class);
        assertImplementsAll(ProxyCallableStatement.class, CallableStatement.class);
        assertImplementsAll(ProxyDataSource.class, DataSource.class);
    }

    private static void assertImplementsAll(Class<?> wrapper, Class<?> iface) {
        List<String> missing = new ArrayList<>();
        for (Method m : iface.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            try {
                Method impl = wrapper.getMethod(m.getName(), m.getParameterTypes());
                if (impl.getDeclaringClass().isInterface()) {
                    missing.add(m.toString());
                }
            } catch (NoSuchMethodException e) {
                missing.add(m.toString());
            }
        }
        assertThat(missing).as(wrapper.getSimpleName() + " leaves these to interface defaults").isEmpty();
    }
}
