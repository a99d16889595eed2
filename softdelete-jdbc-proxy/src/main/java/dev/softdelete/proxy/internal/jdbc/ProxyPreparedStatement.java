package dev.softdelete.proxy.internal.jdbc;

import dev.softdelete.proxy.jdbc.StatementInterceptor;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A {@link PreparedStatement} whose SQL, known at prepare time, is shown to the interceptor on
 * every execution (and once per batch). Every other method delegates to the driver.
 *
 * @param <S> the wrapped statement type
 */
public class ProxyPreparedStatement<S extends PreparedStatement> extends ProxyStatement<S> implements PreparedStatement {

    final String sql;

    ProxyPreparedStatement(ProxyConnection connection, S delegate, StatementInterceptor interceptor, String sql) {
        super(connection, delegate, interceptor);
        this.sql = sql;
    }

    @Override
    public boolean execute() throws SQLException {
        inspect(sql);
        return delegate.execute();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        inspect(sql);
        return delegate.executeQuery();
    }

    @Override
    public int executeUpdate() throws SQLException {
        inspect(sql);
        return delegate.executeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        inspect(sql);
        return delegate.executeLargeUpdate();
    }

    /** A batch of one prepared statement counts as one execution of its SQL. */
    @Override
    public int[] executeBatch() throws SQLException {
        inspect(sql);
        return delegate.executeBatch();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        inspect(sql);
        return delegate.executeLargeBatch();
    }

    @Override
    public String toString() {
        return "ProxyPreparedStatement[" + delegate + "]";
    }

    @Override
    public void addBatch() throws SQLException {
        delegate.addBatch();
    }

    @Override
    public void clearParameters() throws SQLException {
        delegate.clearParameters();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return delegate.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return delegate.getParameterMetaData();
    }

    @Override
    public void setArray(int index, Array array) throws SQLException {
        delegate.setArray(index, array);
    }

    @Override
    public void setAsciiStream(int index, InputStream inputStream, int arg22) throws SQLException {
        delegate.setAsciiStream(index, inputStream, arg22);
    }

    @Override
    public void setAsciiStream(int index, InputStream inputStream, long value2) throws SQLException {
        delegate.setAsciiStream(index, inputStream, value2);
    }

    @Override
    public void setAsciiStream(int index, InputStream inputStream) throws SQLException {
        delegate.setAsciiStream(index, inputStream);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal bigDecimal) throws SQLException {
        delegate.setBigDecimal(index, bigDecimal);
    }

    @Override
    public void setBinaryStream(int index, InputStream inputStream, int arg22) throws SQLException {
        delegate.setBinaryStream(index, inputStream, arg22);
    }

    @Override
    public void setBinaryStream(int index, InputStream inputStream, long value2) throws SQLException {
        delegate.setBinaryStream(index, inputStream, value2);
    }

    @Override
    public void setBinaryStream(int index, InputStream inputStream) throws SQLException {
        delegate.setBinaryStream(index, inputStream);
    }

    @Override
    public void setBlob(int index, InputStream inputStream, long value2) throws SQLException {
        delegate.setBlob(index, inputStream, value2);
    }

    @Override
    public void setBlob(int index, InputStream inputStream) throws SQLException {
        delegate.setBlob(index, inputStream);
    }

    @Override
    public void setBlob(int index, Blob blob) throws SQLException {
        delegate.setBlob(index, blob);
    }

    @Override
    public void setBoolean(int index, boolean value1) throws SQLException {
        delegate.setBoolean(index, value1);
    }

    @Override
    public void setByte(int index, byte value1) throws SQLException {
        delegate.setByte(index, value1);
    }

    @Override
    public void setBytes(int index, byte[] value1) throws SQLException {
        delegate.setBytes(index, value1);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int arg22) throws SQLException {
        delegate.setCharacterStream(index, reader, arg22);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long value2) throws SQLException {
        delegate.setCharacterStream(index, reader, value2);
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        delegate.setCharacterStream(index, reader);
    }

    @Override
    public void setClob(int index, Reader reader, long value2) throws SQLException {
        delegate.setClob(index, reader, value2);
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        delegate.setClob(index, reader);
    }

    @Override
    public void setClob(int index, Clob clob) throws SQLException {
        delegate.setClob(index, clob);
    }

    @Override
    public void setDate(int index, Date date, Calendar calendar) throws SQLException {
        delegate.setDate(index, date, calendar);
    }

    @Override
    public void setDate(int index, Date date) throws SQLException {
        delegate.setDate(index, date);
    }

    @Override
    public void setDouble(int index, double value1) throws SQLException {
        delegate.setDouble(index, value1);
    }

    @Override
    public void setFloat(int index, float value1) throws SQLException {
        delegate.setFloat(index, value1);
    }

    @Override
    public void setInt(int index, int arg11) throws SQLException {
        delegate.setInt(index, arg11);
    }

    @Override
    public void setLong(int index, long value1) throws SQLException {
        delegate.setLong(index, value1);
    }

    @Override
    public void setNCharacterStream(int index, Reader reader, long value2) throws SQLException {
        delegate.setNCharacterStream(index, reader, value2);
    }

    @Override
    public void setNCharacterStream(int index, Reader reader) throws SQLException {
        delegate.setNCharacterStream(index, reader);
    }

    @Override
    public void setNClob(int index, Reader reader, long value2) throws SQLException {
        delegate.setNClob(index, reader, value2);
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        delegate.setNClob(index, reader);
    }

    @Override
    public void setNClob(int index, NClob nClob) throws SQLException {
        delegate.setNClob(index, nClob);
    }

    @Override
    public void setNString(int index, String string) throws SQLException {
        delegate.setNString(index, string);
    }

    @Override
    public void setNull(int index, int arg11, String string) throws SQLException {
        delegate.setNull(index, arg11, string);
    }

    @Override
    public void setNull(int index, int arg11) throws SQLException {
        delegate.setNull(index, arg11);
    }

    @Override
    public void setObject(int index, Object object, int arg22, int arg33) throws SQLException {
        delegate.setObject(index, object, arg22, arg33);
    }

    @Override
    public void setObject(int index, Object object, int arg22) throws SQLException {
        delegate.setObject(index, object, arg22);
    }

    @Override
    public void setObject(int index, Object object, SQLType sQLType, int arg33) throws SQLException {
        delegate.setObject(index, object, sQLType, arg33);
    }

    @Override
    public void setObject(int index, Object object, SQLType sQLType) throws SQLException {
        delegate.setObject(index, object, sQLType);
    }

    @Override
    public void setObject(int index, Object object) throws SQLException {
        delegate.setObject(index, object);
    }

    @Override
    public void setRef(int index, Ref ref) throws SQLException {
        delegate.setRef(index, ref);
    }

    @Override
    public void setRowId(int index, RowId rowId) throws SQLException {
        delegate.setRowId(index, rowId);
    }

    @Override
    public void setSQLXML(int index, SQLXML sQLXML) throws SQLException {
        delegate.setSQLXML(index, sQLXML);
    }

    @Override
    public void setShort(int index, short value1) throws SQLException {
        delegate.setShort(index, value1);
    }

    @Override
    public void setString(int index, String string) throws SQLException {
        delegate.setString(index, string);
    }

    @Override
    public void setTime(int index, Time time, Calendar calendar) throws SQLException {
        delegate.setTime(index, time, calendar);
    }

    @Override
    public void setTime(int index, Time time) throws SQLException {
        delegate.setTime(index, time);
    }

    @Override
    public void setTimestamp(int index, Timestamp timestamp, Calendar calendar) throws SQLException {
        delegate.setTimestamp(index, timestamp, calendar);
    }

    @Override
    public void setTimestamp(int index, Timestamp timestamp) throws SQLException {
        delegate.setTimestamp(index, timestamp);
    }

    @Override
    public void setURL(int index, URL uRL) throws SQLException {
        delegate.setURL(index, uRL);
    }

    @Override
    public void setUnicodeStream(int index, InputStream inputStream, int arg22) throws SQLException {
        delegate.setUnicodeStream(index, inputStream, arg22);
    }
}
