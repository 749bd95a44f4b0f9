package dev.statecraft.testing.differential;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.statecraft.referee.gcp.GcpReferee;
import java.nio.file.Path;
import java.util.Optional;

/** The independent engines the differential tests run emitted artifacts on. */
final class Referees {
  private Referees() {}

  /**
   * The built Cloud Workflows emulator. Without it the test is skipped, saying how to build it,
   * except in CI ({@code CI=true} or {@code STATECRAFT_REQUIRE_REFEREES=1}), where it fails.
   */
  static Path gcwEmulator() {
    Optional<Path> emulator = GcpReferee.emulator();
    if (emulator.isEmpty()) {
      String reason = "the Cloud Workflows emulator is not built: run " + GcpReferee.BUILD_COMMAND;
      if ("1".equals(System.getenv("STATECRAFT_REQUIRE_REFEREES"))
          || "true".equals(System.getenv("CI"))) {
        fail(reason);
      }
      assumeTrue(false, reason);
    }
    return emulator.get();
  }
}
