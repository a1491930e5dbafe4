package io.pmoflow.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's PostgreSQL database ({@code pmo_cluster} next to {@code PMO_TEST_DB_URL}'s database, created anew
 * for every run): what the nodes share, and what the test reads to check them. Unreachable, the test fails.
 */
final class ClusterDatabase {

  final String url;
  final String user;

  private ClusterDatabase(String url, String user) {
    this.url = url;
    this.user = user;
  }

  static ClusterDatabase recreate(String name) {
    String testUrl = System.getenv().getOrDefault("PMO_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/pmo_test");
    String user = System.getenv().getOrDefault("PMO_TEST_DB_USER", "postgres");
    String server = testUrl.substring(0, testUrl.lastIndexOf('/') + 1);
    try (Connection admin = DriverManager.getConnection(server + "postgres", user, "");
        Statement s = admin.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + server + " is needed for the cluster test: " + e.getMessage(),
          e);
    }
    return new ClusterDatabase(server + name, user);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  long count(String sql, Object... params) {
    return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
  }

  /** Rows as column → value maps, in order. */
  List<Map<String, Object>> rows(String sql, Object... params) {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int col = 1; col <= r.getMetaData().getColumnCount(); col++) {
            row.put(r.getMetaData().getColumnLabel(col), r.getObject(col));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** key column → count column of a two-column grouping query. */
  Map<String, Long> counts(String sql, Object... params) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map<String, Object> row : rows(sql, params)) {
      var values = row.values().iterator();
      counts.put(String.valueOf(values.next()), ((Number) values.next()).longValue());
    }
    return counts;
  }
}
