package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.HistoryEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps state machines, executions, branch positions and history in one SQLite file (WAL journal,
 * {@code synchronous=NORMAL}: a committed transaction survives a crash of the process). One
 * connection, used under this object's monitor.
 */
final class SqliteExecutionStore implements AutoCloseable {
  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS state_machines(name TEXT PRIMARY KEY, definition TEXT NOT NULL,"
        + " updated_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS executions(arn TEXT PRIMARY KEY, state_machine TEXT NOT NULL,"
        + " name TEXT NOT NULL, definition TEXT NOT NULL, input TEXT NOT NULL,"
        + " status TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,"
        + " start_time INTEGER NOT NULL, stop_time INTEGER, transitions INTEGER NOT NULL,"
        + " last_event_id INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS executions_by_status ON executions(status)",
    "CREATE TABLE IF NOT EXISTS branches(execution TEXT NOT NULL, id TEXT NOT NULL,"
        + " parent TEXT, idx INTEGER NOT NULL, state TEXT NOT NULL, phase TEXT NOT NULL,"
        + " input TEXT, variables TEXT, aux TEXT, wake_at INTEGER,"
        + " PRIMARY KEY(execution, id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS history(execution TEXT NOT NULL, id INTEGER NOT NULL,"
        + " previous INTEGER NOT NULL, ts INTEGER NOT NULL, type TEXT NOT NULL,"
        + " details TEXT NOT NULL, payload_field TEXT, payload TEXT,"
        + " PRIMARY KEY(execution, id)) WITHOUT ROWID"
  };

  private final Connection connection;
  private final PreparedStatement insertExecution;
  private final PreparedStatement updateExecution;
  private final PreparedStatement upsertBranch;
  private final PreparedStatement deleteBranch;
  private final PreparedStatement deleteAllBranches;
  private final PreparedStatement appendEvent;

  SqliteExecutionStore(Path file) {
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=NORMAL");
        statement.execute("PRAGMA busy_timeout=5000");
        for (String ddl : SCHEMA) {
          statement.execute(ddl);
        }
      }
      connection.setAutoCommit(false);
      insertExecution =
          connection.prepareStatement(
              "INSERT INTO executions(arn, state_machine, name, definition, input, status,"
                  + " start_time, transitions, last_event_id)"
                  + " VALUES(?, ?, ?, ?, ?, 'RUNNING', ?, 0, 0)");
      updateExecution =
          connection.prepareStatement(
              "UPDATE executions SET status = ?, output = ?, error = ?, cause = ?,"
                  + " stop_time = ?, transitions = max(transitions, ?),"
                  + " last_event_id = max(last_event_id, ?) WHERE arn = ? AND status = 'RUNNING'");
      upsertBranch =
          connection.prepareStatement(
              "INSERT OR REPLACE INTO branches(execution, id, parent, idx, state, phase, input,"
                  + " variables, aux, wake_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      deleteBranch =
          connection.prepareStatement(
              "DELETE FROM branches WHERE execution = ? AND id LIKE ? ESCAPE '\\'");
      deleteAllBranches = connection.prepareStatement("DELETE FROM branches WHERE execution = ?");
      appendEvent =
          connection.prepareStatement(
              "INSERT OR REPLACE INTO history(execution, id, previous, ts, type, details,"
                  + " payload_field, payload) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the SQLite database " + file + ": " + e, e);
    }
  }

  synchronized void saveStateMachine(String name, String definition, Instant when) {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO state_machines(name, definition, updated_at) VALUES(?, ?,"
                + " ?)")) {
      statement.setString(1, name);
      statement.setString(2, definition);
      statement.setLong(3, when.toEpochMilli());
      statement.executeUpdate();
      connection.commit();
    } catch (SQLException e) {
      throw failure("saving the state machine " + name, e);
    }
  }

  synchronized Map<String, String> stateMachines() {
    Map<String, String> machines = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name, definition FROM state_machines")) {
      while (rows.next()) {
        machines.put(rows.getString(1), rows.getString(2));
      }
      connection.commit();
    } catch (SQLException e) {
      throw failure("reading state machines", e);
    }
    return machines;
  }

  /** Applies every write of the batch in one transaction. */
  synchronized void commit(CommitBatch batch) {
    if (batch.writes.isEmpty()) {
      return;
    }
    try {
      Map<String, CommitBatch.UpdateExecution> lastUpdate = new HashMap<>();
      for (CommitBatch.Write write : batch.writes) {
        if (write instanceof CommitBatch.UpdateExecution) {
          CommitBatch.UpdateExecution update = (CommitBatch.UpdateExecution) write;
          lastUpdate.put(update.arn(), update);
        }
      }
      for (CommitBatch.Write write : batch.writes) {
        if (write instanceof CommitBatch.UpdateExecution) {
          CommitBatch.UpdateExecution update = (CommitBatch.UpdateExecution) write;
          if (update.stopMillis() == null && lastUpdate.get(update.arn()) != update) {
            continue;
          }
        }
        apply(write);
      }
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // the original failure says more
      }
      throw failure("committing a state transition", e);
    }
  }

  private void apply(CommitBatch.Write write) throws SQLException {
    if (write instanceof CommitBatch.AppendEvent) {
      CommitBatch.AppendEvent append = (CommitBatch.AppendEvent) write;
      HistoryEvent event = append.event();
      appendEvent.setString(1, append.execution());
      appendEvent.setLong(2, event.id());
      appendEvent.setLong(3, event.previousEventId());
      appendEvent.setLong(4, toMicros(event.timestamp()));
      appendEvent.setString(5, event.type());
      // The state input or output is stored beside the details, not escaped inside them.
      ObjectNode details = event.details();
      String field = details.has("input") ? "input" : details.has("output") ? "output" : null;
      if (field != null && details.get(field).isTextual()) {
        ObjectNode rest = details.deepCopy();
        rest.remove(field);
        appendEvent.setString(6, JsonCodec.write(rest));
        appendEvent.setString(7, field);
        appendEvent.setString(8, details.get(field).textValue());
      } else {
        appendEvent.setString(6, JsonCodec.write(details));
        appendEvent.setNull(7, Types.VARCHAR);
        appendEvent.setNull(8, Types.VARCHAR);
      }
      appendEvent.executeUpdate();
    } else if (write instanceof CommitBatch.UpsertBranch) {
      CommitBatch.UpsertBranch branch = (CommitBatch.UpsertBranch) write;
      upsertBranch.setString(1, branch.execution());
      upsertBranch.setString(2, branch.id());
      upsertBranch.setString(3, branch.parent());
      upsertBranch.setInt(4, branch.index());
      upsertBranch.setString(5, branch.state());
      upsertBranch.setString(6, branch.phase());
      upsertBranch.setString(7, branch.input());
      upsertBranch.setString(8, branch.variables());
      upsertBranch.setString(9, branch.aux());
      setLong(upsertBranch, 10, branch.wakeAtMillis());
      upsertBranch.executeUpdate();
    } else if (write instanceof CommitBatch.UpdateExecution) {
      CommitBatch.UpdateExecution update = (CommitBatch.UpdateExecution) write;
      updateExecution.setString(1, update.status());
      updateExecution.setString(2, update.output());
      updateExecution.setString(3, update.error());
      updateExecution.setString(4, update.cause());
      setLong(updateExecution, 5, update.stopMillis());
      updateExecution.setLong(6, update.transitions());
      updateExecution.setLong(7, update.lastEventId());
      updateExecution.setString(8, update.arn());
      updateExecution.executeUpdate();
    } else if (write instanceof CommitBatch.DeleteBranches) {
      CommitBatch.DeleteBranches delete = (CommitBatch.DeleteBranches) write;
      if (delete.prefix() == null) {
        deleteAllBranches.setString(1, delete.execution());
        deleteAllBranches.executeUpdate();
      } else {
        deleteBranch.setString(1, delete.execution());
        deleteBranch.setString(2, escapeLike(delete.prefix()) + "%");
        deleteBranch.executeUpdate();
      }
    } else {
      CommitBatch.InsertExecution insert = (CommitBatch.InsertExecution) write;
      insertExecution.setString(1, insert.arn());
      insertExecution.setString(2, insert.stateMachine());
      insertExecution.setString(3, insert.name());
      insertExecution.setString(4, insert.definition());
      insertExecution.setString(5, insert.input());
      insertExecution.setLong(6, insert.startMillis());
      insertExecution.executeUpdate();
    }
  }

  /** A stored execution, finished or not. */
  record StoredExecution(
      String arn,
      String stateMachine,
      String name,
      String definition,
      String input,
      String status,
      String output,
      String error,
      String cause,
      long startMillis,
      long transitions,
      long lastEventId) {}

  /** A stored branch position. */
  record StoredBranch(
      String id,
      String parent,
      int index,
      String state,
      String phase,
      String input,
      String variables,
      String aux,
      Long wakeAtMillis) {}

  synchronized Optional<StoredExecution> execution(String arn) {
    List<StoredExecution> found = executions("SELECT * FROM executions WHERE arn = ?", arn);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  synchronized List<StoredExecution> unfinished() {
    return executions("SELECT * FROM executions WHERE status = ?", "RUNNING");
  }

  private List<StoredExecution> executions(String sql, String parameter) {
    List<StoredExecution> result = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          result.add(
              new StoredExecution(
                  rows.getString("arn"),
                  rows.getString("state_machine"),
                  rows.getString("name"),
                  rows.getString("definition"),
                  rows.getString("input"),
                  rows.getString("status"),
                  rows.getString("output"),
                  rows.getString("error"),
                  rows.getString("cause"),
                  rows.getLong("start_time"),
                  rows.getLong("transitions"),
                  rows.getLong("last_event_id")));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw failure("reading executions", e);
    }
    return result;
  }

  synchronized List<StoredBranch> branches(String execution) {
    List<StoredBranch> result = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id, parent, idx, state, phase, input, variables, aux, wake_at"
                + " FROM branches WHERE execution = ? ORDER BY length(id), id")) {
      statement.setString(1, execution);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long wake = rows.getLong(9);
          Long wakeAt = rows.wasNull() ? null : wake;
          result.add(
              new StoredBranch(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getInt(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  wakeAt));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw failure("reading branches", e);
    }
    return result;
  }

  synchronized List<HistoryEvent> history(String execution) {
    List<HistoryEvent> events = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT id, previous, ts, type, details, payload_field, payload FROM history"
                + " WHERE execution = ?"
                + " ORDER BY id")) {
      statement.setString(1, execution);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long micros = rows.getLong(3);
          ObjectNode details = (ObjectNode) JsonCodec.parse(rows.getString(5));
          String field = rows.getString(6);
          if (field != null) {
            details.put(field, rows.getString(7));
          }
          events.add(
              new HistoryEvent(
                  rows.getLong(1),
                  rows.getLong(2),
                  Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000),
                  rows.getString(4),
                  details));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw failure("reading history", e);
    }
    return events;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("closing the database", e);
    }
  }

  private static long toMicros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value);
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("SQLite failed " + what + ": " + e.getMessage(), e);
  }
}
