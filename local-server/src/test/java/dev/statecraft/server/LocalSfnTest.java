package dev.statecraft.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with a fresh {@link LocalSfn} (server, folder and SDK client) for each test method. */
abstract class LocalSfnTest {
  @TempDir Path dir;
  LocalSfn local;

  @BeforeEach
  void open() {
    local = new LocalSfn(dir);
  }

  @AfterEach
  void close() {
    local.close();
  }
}
