package com.aftersales.fault;

import com.aftersales.launcher.EmbeddedPlatform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to the services' databases as the superuser, for the ledger (never used by the workload's requests). */
final class Databases {

    private final EmbeddedPlatform platform;

    Databases(EmbeddedPlatform platform) {
        this.platform = platform;
    }

    Connection connect(String database) throws SQLException {
        Connection connection = DriverManager.getConnection(platform.jdbcUrl(database), platform.superuser(),
                platform.superuserPassword());
        connection.setReadOnly(!"ticket".equals(database));
        return connection;
    }

    /** First column of the first row, or empty; empty too when the database cannot be reached right now. */
    Optional<String> value(String database, String sql, Object... params) {
        try (Connection c = connect(database); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException unreachable) {
            return Optional.empty();
        }
    }

    /** {@code key -> value} of a two-column query over many ids at once. */
    Map<String, String> pairs(String database, String sql, List<String> ids) throws SQLException {
        Map<String, String> result = new HashMap<>();
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.merge(rs.getString(1), rs.getString(2), (a, b) -> a + "," + b);
                }
            }
        }
        return result;
    }

    List<String> column(String database, String sql, Object... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(database); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    int update(String database, String sql, Object... params) throws SQLException {
        try (Connection c = connect(database); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
