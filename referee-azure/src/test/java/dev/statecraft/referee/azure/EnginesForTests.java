package dev.statecraft.referee.azure;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** The built engine for tests: missing, a test fails in CI and is skipped elsewhere. */
public final class EnginesForTests {
  private EnginesForTests() {}

  public static Path engine() {
    Optional<Path> engine = AzureReferee.engine();
    if (engine.isEmpty()) {
      String why =
          "the Durable Task engine is not built ("
              + AzureReferee.ENGINE_PATH
              + "); build it with "
              + AzureReferee.BUILD_COMMAND;
      if ("true".equals(System.getenv("CI"))
          || "1".equals(System.getenv("STATECRAFT_REQUIRE_REFEREES"))) {
        fail(why);
      }
      assumeTrue(false, why);
    }
    return engine.get();
  }
}
