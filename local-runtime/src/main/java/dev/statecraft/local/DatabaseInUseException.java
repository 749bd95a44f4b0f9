package dev.statecraft.local;

import java.nio.file.Path;

/**
 * Thrown by {@link LocalEngine#open} when another engine, in this process or another, has the
 * database open. Two engines on one file would both resume its unfinished executions and run their
 * steps twice, so the second is refused; it may open the file once the first is closed or its
 * process has ended (a killed process lets go at once).
 */
public final class DatabaseInUseException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient Path database;

  /** Creates the exception for {@code database}, held by {@code owner} (a description, or null). */
  public DatabaseInUseException(Path database, String owner) {
    super(
        "the database "
            + database
            + " is in use by another engine"
            + (owner == null || owner.isBlank() ? "" : " (" + owner.trim() + ")"));
    this.database = database;
  }

  /** The database file that is in use. */
  public Path database() {
    return database;
  }
}
