package dev.softdelete.proxy.internal.jdbc;

import dev.softdelete.proxy.jdbc.StatementInterceptor;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/** A {@link CallableStatement}: inspected like a prepared statement, every other method delegated. */
public final class ProxyCallableStatement extends ProxyPreparedStatement<CallableStatement> implements CallableStatement {

    ProxyCallableStatement(ProxyConnection connection, CallableStatement delegate, StatementInterceptor interceptor,
            String sql) {
        super(connection, delegate, interceptor, sql);
    }

    @Override
    public String toString() {
        return "ProxyCallableStatement[" + delegate + "]";
    }

    @Override
    public Array getArray(String name) throws SQLException {
        return delegate.getArray(name);
    }

    @Override
    public Array getArray(int index) throws SQLException {
        return delegate.getArray(index);
    }

    @Override
    public BigDecimal getBigDecimal(String name) throws SQLException {
        return delegate.getBigDecimal(name);
    }

    @Override
    public BigDecimal getBigDecimal(int index, int arg11) throws SQLException {
        return delegate.getBigDecimal(index, arg11);
    }

    @Override
    public BigDecimal getBigDecimal(int index) throws SQLException {
        return delegate.getBigDecimal(index);
    }

    @Override
    public Blob getBlob(String name) throws SQLException {
        return delegate.getBlob(name);
    }

    @Override
    public Blob getBlob(int index) throws SQLException {
        return delegate.getBlob(index);
    }

    @Override
    public boolean getBoolean(String name) throws SQLException {
        return delegate.getBoolean(name);
    }

    @Override
    public boolean getBoolean(int index) throws SQLException {
        return delegate.getBoolean(index);
    }

    @Override
    public byte getByte(String name) throws SQLException {
        return delegate.getByte(name);
    }

    @Override
    public byte getByte(int index) throws SQLException {
        return delegate.getByte(index);
    }

    @Override
    public byte[] getBytes(String name) throws SQLException {
        return delegate.getBytes(name);
    }

    @Override
    public byte[] getBytes(int index) throws SQLException {
        return delegate.getBytes(index);
    }

    @Override
    public Reader getCharacterStream(String name) throws SQLException {
        return delegate.getCharacterStream(name);
    }

    @Override
    public Reader getCharacterStream(int index) throws SQLException {
        return delegate.getCharacterStream(index);
    }

    @Override
    public Clob getClob(String name) throws SQLException {
        return delegate.getClob(name);
    }

    @Override
    public Clob getClob(int index) throws SQLException {
        return delegate.getClob(index);
    }

    @Override
    public Date getDate(String name, Calendar calendar) throws SQLException {
        return delegate.getDate(name, calendar);
    }

    @Override
    public Date getDate(String name) throws SQLException {
        return delegate.getDate(name);
    }

    @Override
    public Date getDate(int index, Calendar calendar) throws SQLException {
        return delegate.getDate(index, calendar);
    }

    @Override
    public Date getDate(int index) throws SQLException {
        return delegate.getDate(index);
    }

    @Override
    public double getDouble(String name) throws SQLException {
        return delegate.getDouble(name);
    }

    @Override
    public double getDouble(int index) throws SQLException {
        return delegate.getDouble(index);
    }

    @Override
    public float getFloat(String name) throws SQLException {
        return delegate.getFloat(name);
    }

    @Override
    public float getFloat(int index) throws SQLException {
        return delegate.getFloat(index);
    }

    @Override
    public int getInt(String name) throws SQLException {
        return delegate.getInt(name);
    }

    @Override
    public int getInt(int index) throws SQLException {
        return delegate.getInt(index);
    }

    @Override
    public long getLong(String name) throws SQLException {
        return delegate.getLong(name);
    }

    @Override
    public long getLong(int index) throws SQLException {
        return delegate.getLong(index);
    }

    @Override
    public Reader getNCharacterStream(String name) throws SQLException {
        return delegate.getNCharacterStream(name);
    }

    @Override
    public Reader getNCharacterStream(int index) throws SQLException {
        return delegate.getNCharacterStream(index);
    }

    @Override
    public NClob getNClob(String name) throws SQLException {
        return delegate.getNClob(name);
    }

    @Override
    public NClob getNClob(int index) throws SQLException {
        return delegate.getNClob(index);
    }

    @Override
    public String getNString(String name) throws SQLException {
        return delegate.getNString(name);
    }

    @Override
    public String getNString(int index) throws SQLException {
        return delegate.getNString(index);
    }

    @Override
    public <T> T getObject(String name, Class<T> value1) throws SQLException {
        return delegate.getObject(name, value1);
    }

    @Override
    public Object getObject(String name, Map<String, Class<?>> map) throws SQLException {
        return delegate.getObject(name, map);
    }

    @Override
    public Object getObject(String name) throws SQLException {
        return delegate.getObject(name);
    }

    @Override
    public <T> T getObject(int index, Class<T> value1) throws SQLException {
        return delegate.getObject(index, value1);
    }

    @Override
    public Object getObject(int index, Map<String, Class<?>> map) throws SQLException {
        return delegate.getObject(index, map);
    }

    @Override
    public Object getObject(int index) throws SQLException {
        return delegate.getObject(index);
    }

    @Override
    public Ref getRef(String name) throws SQLException {
        return delegate.getRef(name);
    }

    @Override
    public Ref getRef(int index) throws SQLException {
        return delegate.getRef(index);
    }

    @Override
    public RowId getRowId(String name) throws SQLException {
        return delegate.getRowId(name);
    }

    @Override
    public RowId getRowId(int index) throws SQLException {
        return delegate.getRowId(index);
    }

    @Override
    public SQLXML getSQLXML(String name) throws SQLException {
        return delegate.getSQLXML(name);
    }

    @Override
    public SQLXML getSQLXML(int index) throws SQLException {
        return delegate.getSQLXML(index);
    }

    @Override
    public short getShort(String name) throws SQLException {
        return delegate.getShort(name);
    }

    @Override
    public short getShort(int index) throws SQLException {
        return delegate.getShort(index);
    }

    @Override
    public String getString(String name) throws SQLException {
        return delegate.getString(name);
    }

    @Override
    public String getString(int index) throws SQLException {
        return delegate.getString(index);
    }

    @Override
    public Time getTime(String name, Calendar calendar) throws SQLException {
        return delegate.getTime(name, calendar);
    }

    @Override
    public Time getTime(String name) throws SQLException {
        return delegate.getTime(name);
    }

    @Override
    public Time getTime(int index, Calendar calendar) throws SQLException {
        return delegate.getTime(index, calendar);
    }

    @Override
    public Time getTime(int index) throws SQLException {
        return delegate.getTime(index);
    }

    @Override
    public Timestamp getTimestamp(String name, Calendar calendar) throws SQLException {
        return delegate.getTimestamp(name, calendar);
    }

    @Override
    public Timestamp getTimestamp(String name) throws SQLException {
        return delegate.getTimestamp(name);
    }

    @Override
    public Timestamp getTimestamp(int index, Calendar calendar) throws SQLException {
        return delegate.getTimestamp(index, calendar);
    }

    @Override
    public Timestamp getTimestamp(int index) throws SQLException {
        return delegate.getTimestamp(index);
    }

    @Override
    public URL getURL(String name) throws SQLException {
        return delegate.getURL(name);
    }

    @Override
    public URL getURL(int index) throws SQLException {
        return delegate.getURL(index);
    }

    @Override
    public void registerOutParameter(String name, int arg1, String string2) throws SQLException {
        delegate.registerOutParameter(name, arg1, string2);
    }

    @Override
    public void registerOutParameter(String name, int arg11, int arg22) throws SQLException {
        delegate.registerOutParameter(name, arg11, arg22);
    }

    @Override
    public void registerOutParameter(String name, int arg1) throws SQLException {
        delegate.registerOutParameter(name, arg1);
    }

    @Override
    public void registerOutParameter(String name, SQLType sQLType, String string2) throws SQLException {
        delegate.registerOutParameter(name, sQLType, string2);
    }

    @Override
    public void registerOutParameter(String name, SQLType sQLType, int arg2) throws SQLException {
        delegate.registerOutParameter(name, sQLType, arg2);
    }

    @Override
    public void registerOutParameter(String name, SQLType sQLType) throws SQLException {
        delegate.registerOutParameter(name, sQLType);
    }

    @Override
    public void registerOutParameter(int index, int arg11, String string) throws SQLException {
        delegate.registerOutParameter(index, arg11, string);
    }

    @Override
    public void registerOutParameter(int index, int arg11, int arg22) throws SQLException {
        delegate.registerOutParameter(index, arg11, arg22);
    }

    @Override
    public void registerOutParameter(int index, int arg11) throws SQLException {
        delegate.registerOutParameter(index, arg11);
    }

    @Override
    public void registerOutParameter(int index, SQLType sQLType, String string) throws SQLException {
        delegate.registerOutParameter(index, sQLType, string);
    }

    @Override
    public void registerOutParameter(int index, SQLType sQLType, int arg22) throws SQLException {
        delegate.registerOutParameter(index, sQLType, arg22);
    }

    @Override
    public void registerOutParameter(int index, SQLType sQLType) throws SQLException {
        delegate.registerOutParameter(index, sQLType);
    }

    @Override
    public void setAsciiStream(String name, InputStream inputStream, int arg2) throws SQLException {
        delegate.setAsciiStream(name, inputStream, arg2);
    }

    @Override
    public void setAsciiStream(String name, InputStream inputStream, long value2) throws SQLException {
        delegate.setAsciiStream(name, inputStream, value2);
    }

    @Override
    public void setAsciiStream(String name, InputStream inputStream) throws SQLException {
        delegate.setAsciiStream(name, inputStream);
    }

    @Override
    public void setBigDecimal(String name, BigDecimal bigDecimal) throws SQLException {
        delegate.setBigDecimal(name, bigDecimal);
    }

    @Override
    public void setBinaryStream(String name, InputStream inputStream, int arg2) throws SQLException {
        delegate.setBinaryStream(name, inputStream, arg2);
    }

    @Override
    public void setBinaryStream(String name, InputStream inputStream, long value2) throws SQLException {
        delegate.setBinaryStream(name, inputStream, value2);
    }

    @Override
    public void setBinaryStream(String name, InputStream inputStream) throws SQLException {
        delegate.setBinaryStream(name, inputStream);
    }

    @Override
    public void setBlob(String name, InputStream inputStream, long value2) throws SQLException {
        delegate.setBlob(name, inputStream, value2);
    }

    @Override
    public void setBlob(String name, InputStream inputStream) throws SQLException {
        delegate.setBlob(name, inputStream);
    }

    @Override
    public void setBlob(String name, Blob blob) throws SQLException {
        delegate.setBlob(name, blob);
    }

    @Override
    public void setBoolean(String name, boolean value1) throws SQLException {
        delegate.setBoolean(name, value1);
    }

    @Override
    public void setByte(String name, byte value1) throws SQLException {
        delegate.setByte(name, value1);
    }

    @Override
    public void setBytes(String name, byte[] value1) throws SQLException {
        delegate.setBytes(name, value1);
    }

    @Override
    public void setCharacterStream(String name, Reader reader, int arg2) throws SQLException {
        delegate.setCharacterStream(name, reader, arg2);
    }

    @Override
    public void setCharacterStream(String name, Reader reader, long value2) throws SQLException {
        delegate.setCharacterStream(name, reader, value2);
    }

    @Override
    public void setCharacterStream(String name, Reader reader) throws SQLException {
        delegate.setCharacterStream(name, reader);
    }

    @Override
    public void setClob(String name, Reader reader, long value2) throws SQLException {
        delegate.setClob(name, reader, value2);
    }

    @Override
    public void setClob(String name, Reader reader) throws SQLException {
        delegate.setClob(name, reader);
    }

    @Override
    public void setClob(String name, Clob clob) throws SQLException {
        delegate.setClob(name, clob);
    }

    @Override
    public void setDate(String name, Date date, Calendar calendar) throws SQLException {
        delegate.setDate(name, date, calendar);
    }

    @Override
    public void setDate(String name, Date date) throws SQLException {
        delegate.setDate(name, date);
    }

    @Override
    public void setDouble(String name, double value1) throws SQLException {
        delegate.setDouble(name, value1);
    }

    @Override
    public void setFloat(String name, float value1) throws SQLException {
        delegate.setFloat(name, value1);
    }

    @Override
    public void setInt(String name, int arg1) throws SQLException {
        delegate.setInt(name, arg1);
    }

    @Override
    public void setLong(String name, long value1) throws SQLException {
        delegate.setLong(name, value1);
    }

    @Override
    public void setNCharacterStream(String name, Reader reader, long value2) throws SQLException {
        delegate.setNCharacterStream(name, reader, value2);
    }

    @Override
    public void setNCharacterStream(String name, Reader reader) throws SQLException {
        delegate.setNCharacterStream(name, reader);
    }

    @Override
    public void setNClob(String name, Reader reader, long value2) throws SQLException {
        delegate.setNClob(name, reader, value2);
    }

    @Override
    public void setNClob(String name, Reader reader) throws SQLException {
        delegate.setNClob(name, reader);
    }

    @Override
    public void setNClob(String name, NClob nClob) throws SQLException {
        delegate.setNClob(name, nClob);
    }

    @Override
    public void setNString(String name, String string1) throws SQLException {
        delegate.setNString(name, string1);
    }

    @Override
    public void setNull(String name, int arg1, String string2) throws SQLException {
        delegate.setNull(name, arg1, string2);
    }

    @Override
    public void setNull(String name, int arg1) throws SQLException {
        delegate.setNull(name, arg1);
    }

    @Override
    public void setObject(String name, Object object, int arg22, int arg33) throws SQLException {
        delegate.setObject(name, object, arg22, arg33);
    }

    @Override
    public void setObject(String name, Object object, int arg2) throws SQLException {
        delegate.setObject(name, object, arg2);
    }

    @Override
    public void setObject(String name, Object object, SQLType sQLType, int arg3) throws SQLException {
        delegate.setObject(name, object, sQLType, arg3);
    }

    @Override
    public void setObject(String name, Object object, SQLType sQLType) throws SQLException {
        delegate.setObject(name, object, sQLType);
    }

    @Override
    public void setObject(String name, Object object) throws SQLException {
        delegate.setObject(name, object);
    }

    @Override
    public void setRowId(String name, RowId rowId) throws SQLException {
        delegate.setRowId(name, rowId);
    }

    @Override
    public void setSQLXML(String name, SQLXML sQLXML) throws SQLException {
        delegate.setSQLXML(name, sQLXML);
    }

    @Override
    public void setShort(String name, short value1) throws SQLException {
        delegate.setShort(name, value1);
    }

    @Override
    public void setString(String name, String string1) throws SQLException {
        delegate.setString(name, string1);
    }

    @Override
    public void setTime(String name, Time time, Calendar calendar) throws SQLException {
        delegate.setTime(name, time, calendar);
    }

    @Override
    public void setTime(String name, Time time) throws SQLException {
        delegate.setTime(name, time);
    }

    @Override
    public void setTimestamp(String name, Timestamp timestamp, Calendar calendar) throws SQLException {
        delegate.setTimestamp(name, timestamp, calendar);
    }

    @Override
    public void setTimestamp(String name, Timestamp timestamp) throws SQLException {
        delegate.setTimestamp(name, timestamp);
    }

    @Override
    public void setURL(String name, URL uRL) throws SQLException {
        delegate.setURL(name, uRL);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return delegate.wasNull();
    }
}
