package dev.statecraft.local.internal;

import dev.statecraft.local.DatabaseInUseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps state machines, executions and their {@link Journal} in one SQLite file (WAL journal,
 * {@code synchronous=NORMAL}: a committed transaction survives a crash of the process).
 *
 * <p>Each execution gets an integer id. The {@code journal} table holds one row per {@link Journal}
 * record of an execution (its history events and its branches' positions), numbered {@code seq}
 * within the execution. Rows are appended in commit order, so a commit dirties few table pages
 * however many executions it touches (clustering rows by execution instead wrote about 3 KB per
 * transition at 200 concurrent executions, this about 1 KB); the index finds an execution's rows.
 * While an execution runs, its row in {@code executions} keeps the input and definition; {@code
 * transitions} and {@code last_event_id} there are exact once it has finished (its journal says how
 * far it got until then).
 *
 * <p>Writes go through one connection, reads through another, so reads never wait for a commit.
 */
final class SqliteExecutionStore implements AutoCloseable {
  /** The {@code user_version} of the schema below. */
  private static final int SCHEMA_VERSION = 3;

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS state_machines(name TEXT PRIMARY KEY, definition TEXT NOT NULL,"
        + " updated_at INTEGER NOT NULL, created_at INTEGER)",
    "CREATE TABLE IF NOT EXISTS executions(id INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE,"
        + " state_machine TEXT NOT NULL, name TEXT NOT NULL, definition TEXT NOT NULL,"
        + " input TEXT NOT NULL, status TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,"
        + " start_time INTEGER NOT NULL, stop_time INTEGER, transitions INTEGER NOT NULL,"
        + " last_event_id INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS executions_by_status ON executions(status)",
    "CREATE INDEX IF NOT EXISTS executions_by_state_machine ON executions(state_machine, id)",
    "CREATE TABLE IF NOT EXISTS journal(execution INTEGER NOT NULL, seq INTEGER NOT NULL,"
        + " record BLOB NOT NULL)",
    "CREATE UNIQUE INDEX IF NOT EXISTS journal_by_execution ON journal(execution, seq)"
  };

  private final Path file;
  private final FileChannel ownerFile;
  private final FileLock owner;
  private final Connection writer;
  private final Connection reader;
  private final Object writeLock = new Object();
  private final Object readLock = new Object();
  private final PreparedStatement insertExecution;
  private final PreparedStatement updateExecution;
  private final PreparedStatement appendRecord;
  private final PreparedStatement readJournal;
  private final AtomicLong executionIds;

  SqliteExecutionStore(Path file) {
    this.file = file;
    this.ownerFile = ownerFile(file);
    this.owner = own(file, ownerFile);
    try {
      writer = open(file);
      try (Statement statement = writer.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        checkSchemaVersion(statement);
        for (String ddl : SCHEMA) {
          statement.execute(ddl);
        }
        statement.execute("PRAGMA user_version=" + SCHEMA_VERSION);
      }
      writer.setAutoCommit(false);
      insertExecution =
          writer.prepareStatement(
              "INSERT INTO executions(id, arn, state_machine, name, definition, input, status,"
                  + " start_time, transitions, last_event_id)"
                  + " VALUES(?, ?, ?, ?, ?, ?, 'RUNNING', ?, 0, 0)");
      updateExecution =
          writer.prepareStatement(
              "UPDATE executions SET status = ?, output = ?, error = ?, cause = ?,"
                  + " stop_time = ?, transitions = ?, last_event_id = ?"
                  + " WHERE id = ? AND status = 'RUNNING'");
      appendRecord =
          writer.prepareStatement("INSERT INTO journal(execution, seq, record) VALUES(?, ?, ?)");
      writer.commit();
      reader = open(file);
      readJournal =
          reader.prepareStatement(
              "SELECT seq, record FROM journal WHERE execution = ? ORDER BY seq");
      executionIds = new AtomicLong(queryLong("SELECT coalesce(max(id), 0) FROM executions"));
    } catch (SQLException | RuntimeException e) {
      release();
      throw e instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("cannot open the SQLite database " + file + ": " + e, e);
    }
  }

  /**
   * The file {@code <database>-owner} beside the database, as SQLite keeps {@code -wal} and {@code
   * -shm}: the engine that has the database open holds an OS lock on it and writes its process id
   * into it. The OS drops the lock when the process dies, however it dies.
   */
  private static FileChannel ownerFile(Path file) {
    Path path = file.resolveSibling(file.getFileName() + "-owner");
    try {
      return FileChannel.open(
          path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open " + path + ": " + e.getMessage(), e);
    }
  }

  private static FileLock own(Path file, FileChannel channel) {
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ByteBuffer text = ByteBuffer.allocate(256);
        channel.read(text, 0);
        String holder = new String(text.array(), 0, text.position(), StandardCharsets.UTF_8);
        channel.close();
        throw new DatabaseInUseException(file, holder);
      }
      channel.truncate(0);
      String me = "process " + ProcessHandle.current().pid();
      channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
      return lock;
    } catch (IOException e) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the first failure says more
      }
      throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  private void release() {
    try {
      owner.release();
      ownerFile.close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot release " + file + ": " + e.getMessage(), e);
    }
  }

  private static Connection open(Path file) throws SQLException {
    Properties properties = new Properties();
    // Without this the driver runs "SELECT last_insert_rowid()" after every insert.
    properties.setProperty("jdbc.get_generated_keys", "false");
    Connection connection =
        DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA synchronous=NORMAL");
      statement.execute("PRAGMA busy_timeout=5000");
      statement.execute("PRAGMA cache_size=-32768");
      statement.execute("PRAGMA temp_store=MEMORY");
    }
    return connection;
  }

  private void checkSchemaVersion(Statement statement) throws SQLException {
    int version;
    try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
      version = rows.next() ? rows.getInt(1) : 0;
    }
    boolean hasTables;
    try (ResultSet rows =
        statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
      hasTables = rows.next() && rows.getInt(1) > 0;
    }
    if (hasTables && version == 2) {
      // Version 3 added the creation time of state machines and an index; nothing else changed.
      statement.execute("ALTER TABLE state_machines ADD COLUMN created_at INTEGER");
      statement.execute("UPDATE state_machines SET created_at = updated_at");
      return;
    }
    if (hasTables && version != SCHEMA_VERSION) {
      throw new IllegalStateException(
          "the database "
              + file
              + " was written by another version of the engine (schema "
              + version
              + ", expected "
              + SCHEMA_VERSION
              + "); finish its executions with that version or start with a new file");
    }
  }

  /** An id for a new execution, never used before in this file. */
  long nextExecutionId() {
    return executionIds.incrementAndGet();
  }

  /** Creates or replaces a state machine; replacing keeps its creation time. */
  void saveStateMachine(String name, String definition, Instant when) {
    synchronized (writeLock) {
      try (PreparedStatement statement =
          writer.prepareStatement(
              "INSERT INTO state_machines(name, definition, updated_at, created_at)"
                  + " VALUES(?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
                  + " definition = excluded.definition, updated_at = excluded.updated_at")) {
        statement.setString(1, name);
        statement.setString(2, definition);
        statement.setLong(3, when.toEpochMilli());
        statement.setLong(4, when.toEpochMilli());
        statement.executeUpdate();
        writer.commit();
      } catch (SQLException e) {
        throw failure("saving the state machine " + name, e);
      }
    }
  }

  /** Forgets a state machine; its executions stay. */
  void deleteStateMachine(String name) {
    synchronized (writeLock) {
      try (PreparedStatement statement =
          writer.prepareStatement("DELETE FROM state_machines WHERE name = ?")) {
        statement.setString(1, name);
        statement.executeUpdate();
        writer.commit();
      } catch (SQLException e) {
        throw failure("deleting the state machine " + name, e);
      }
    }
  }

  /** A stored state machine; times in epoch milliseconds. */
  record StoredStateMachine(
      String name, String definition, long createdMillis, long updatedMillis) {}

  /** Every state machine, oldest first. */
  List<StoredStateMachine> stateMachines() {
    List<StoredStateMachine> machines = new ArrayList<>();
    synchronized (readLock) {
      try (Statement statement = reader.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT name, definition, coalesce(created_at, updated_at), updated_at"
                      + " FROM state_machines ORDER BY coalesce(created_at, updated_at), name")) {
        while (rows.next()) {
          machines.add(
              new StoredStateMachine(
                  rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
        }
      } catch (SQLException e) {
        throw failure("reading state machines", e);
      }
    }
    return machines;
  }

  /** Applies every write of the batches in one transaction. */
  void commit(List<CommitBatch> batches) {
    if (batches.stream().allMatch(batch -> batch.writes.isEmpty())) {
      return;
    }
    synchronized (writeLock) {
      try {
        for (CommitBatch batch : batches) {
          for (CommitBatch.Write write : batch.writes) {
            apply(write);
          }
        }
        writer.commit();
      } catch (SQLException e) {
        try {
          writer.rollback();
        } catch (SQLException ignored) {
          // the original failure says more
        }
        throw failure("committing state transitions", e);
      }
    }
  }

  private void apply(CommitBatch.Write write) throws SQLException {
    if (write instanceof CommitBatch.JournalRecord record) {
      appendRecord.setLong(1, record.execution());
      appendRecord.setLong(2, record.seq());
      appendRecord.setBytes(3, record.data());
      appendRecord.executeUpdate();
    } else if (write instanceof CommitBatch.UpdateExecution update) {
      updateExecution.setString(1, update.status());
      updateExecution.setString(2, update.output());
      updateExecution.setString(3, update.error());
      updateExecution.setString(4, update.cause());
      updateExecution.setLong(5, update.stopMillis());
      updateExecution.setLong(6, update.transitions());
      updateExecution.setLong(7, update.lastEventId());
      updateExecution.setLong(8, update.id());
      updateExecution.executeUpdate();
    } else {
      CommitBatch.InsertExecution insert = (CommitBatch.InsertExecution) write;
      insertExecution.setLong(1, insert.id());
      insertExecution.setString(2, insert.arn());
      insertExecution.setString(3, insert.stateMachine());
      insertExecution.setString(4, insert.name());
      insertExecution.setString(5, insert.definition());
      insertExecution.setString(6, insert.input());
      insertExecution.setLong(7, insert.startMillis());
      insertExecution.executeUpdate();
    }
  }

  /** A stored execution, finished or not. */
  record StoredExecution(
      long id,
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
      Long stopMillis,
      long transitions,
      long lastEventId) {}

  /** An execution's journal records, oldest first, and the sequence number of the last. */
  record StoredJournal(List<byte[]> records, long lastSeq) {}

  Optional<StoredExecution> execution(String arn) {
    List<StoredExecution> found = executions("SELECT * FROM executions WHERE arn = ?", arn);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  List<StoredExecution> unfinished() {
    return executions("SELECT * FROM executions WHERE status = ? ORDER BY id", "RUNNING");
  }

  /** The executions of one state machine, most recently started first. */
  List<StoredExecution> executionsOf(String stateMachine) {
    return executions(
        "SELECT * FROM executions WHERE state_machine = ? ORDER BY id DESC", stateMachine);
  }

  private List<StoredExecution> executions(String sql, String parameter) {
    List<StoredExecution> result = new ArrayList<>();
    synchronized (readLock) {
      try (PreparedStatement statement = reader.prepareStatement(sql)) {
        statement.setString(1, parameter);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            result.add(
                new StoredExecution(
                    rows.getLong("id"),
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
                    stopMillis(rows),
                    rows.getLong("transitions"),
                    rows.getLong("last_event_id")));
          }
        }
      } catch (SQLException e) {
        throw failure("reading executions", e);
      }
    }
    return result;
  }

  private static Long stopMillis(ResultSet rows) throws SQLException {
    long millis = rows.getLong("stop_time");
    return rows.wasNull() ? null : millis;
  }

  StoredJournal journal(long execution) {
    List<byte[]> records = new ArrayList<>();
    long lastSeq = 0;
    synchronized (readLock) {
      try {
        readJournal.setLong(1, execution);
        try (ResultSet rows = readJournal.executeQuery()) {
          while (rows.next()) {
            lastSeq = rows.getLong(1);
            records.add(rows.getBytes(2));
          }
        }
      } catch (SQLException e) {
        throw failure("reading the journal", e);
      }
    }
    return new StoredJournal(records, lastSeq);
  }

  private long queryLong(String sql) throws SQLException {
    synchronized (readLock) {
      try (Statement statement = reader.createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      synchronized (readLock) {
        try {
          reader.close();
          writer.close();
        } catch (SQLException e) {
          throw failure("closing the database", e);
        } finally {
          release();
        }
      }
    }
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("SQLite failed " + what + ": " + e.getMessage(), e);
  }
}
