package io.leadrouter.deployment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database for one test, dropped afterwards. The server is
 * {@code LEADROUTER_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}) as
 * {@code LEADROUTER_TEST_PG_USER} ({@code postgres}) with {@code LEADROUTER_TEST_PG_PASSWORD}.
 * When it cannot be reached the test fails if the environment variable {@code CI} is set, and is
 * skipped otherwise, saying why either way.
 */
public final class PostgresDatabase implements AutoCloseable {

    static final String SERVER_URL = env("LEADROUTER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = env("LEADROUTER_TEST_PG_USER", "postgres");
    static final String PASSWORD = env("LEADROUTER_TEST_PG_PASSWORD", "");

    private final String name;
    private final String url;

    private PostgresDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** Creates {@code leadrouter_it_<random>}, or fails or skips the test when PostgreSQL is not there. */
    public static PostgresDatabase create() {
        String name = "leadrouter_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = server.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException unreachable) {
            String why = "PostgreSQL is not reachable at " + SERVER_URL + " as " + USER + " (" + unreachable.getMessage()
                    + "). Start it, or point LEADROUTER_TEST_PG_URL, LEADROUTER_TEST_PG_USER and "
                    + "LEADROUTER_TEST_PG_PASSWORD at one (the user must be allowed to create databases).";
            if (System.getenv("CI") != null) {
                Assertions.fail("CI is set, so the PostgreSQL tests must run: " + why, unreachable);
            }
            Assumptions.abort("Skipping the PostgreSQL tests: " + why);
        }
        return new PostgresDatabase(name, SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    /** The environment a Lead Router node needs to use this database (profile postgres). */
    public Map<String, String> nodeEnvironment() {
        return Map.of("LEADROUTER_DB_URL", url, "LEADROUTER_DB_USER", USER, "LEADROUTER_DB_PASSWORD", PASSWORD);
    }

    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /** Every row of the query, columns by their lower-case label. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Drops the database, ending any connection still open to it. */
    @Override
    public void close() {
        try (Connection server = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = server.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
