package dev.statecraft.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statecraft.local.EngineOptions;
import dev.statecraft.local.LocalEngine;
import dev.statecraft.local.StateMachineDescription;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by the previous schema (version 2) opens and keeps its state machines. */
class SchemaMigrationTest {
  @Test
  void aVersion2DatabaseGainsCreationDates(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("old.db");
    String pass = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE state_machines(name TEXT PRIMARY KEY, definition TEXT NOT NULL,"
              + " updated_at INTEGER NOT NULL)");
      s.execute(
          "CREATE TABLE executions(id INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE,"
              + " state_machine TEXT NOT NULL, name TEXT NOT NULL, definition TEXT NOT NULL,"
              + " input TEXT NOT NULL, status TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,"
              + " start_time INTEGER NOT NULL, stop_time INTEGER, transitions INTEGER NOT NULL,"
              + " last_event_id INTEGER NOT NULL)");
      s.execute(
          "CREATE TABLE journal(execution INTEGER NOT NULL, seq INTEGER NOT NULL,"
              + " record BLOB NOT NULL)");
      s.execute("INSERT INTO state_machines VALUES('old', '" + pass + "', 1700000000000)");
      s.execute("PRAGMA user_version=2");
    }
    try (LocalEngine engine = LocalEngine.open(EngineOptions.durable(db))) {
      StateMachineDescription old = engine.describeStateMachine("old").orElseThrow();
      assertEquals(Instant.ofEpochMilli(1700000000000L), old.creationDate());
      assertEquals(pass, old.definition());
      engine.createStateMachine("old", pass.replace("\"P\"", "\"Q\""));
      assertEquals(
          Instant.ofEpochMilli(1700000000000L),
          engine.describeStateMachine("old").orElseThrow().creationDate());
    }
    try (LocalEngine reopened = LocalEngine.open(EngineOptions.durable(db))) {
      assertEquals(
          Instant.ofEpochMilli(1700000000000L),
          reopened.describeStateMachine("old").orElseThrow().creationDate());
    }
  }
}
