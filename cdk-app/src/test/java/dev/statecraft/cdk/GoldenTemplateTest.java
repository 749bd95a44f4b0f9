package dev.statecraft.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture's template is its {@code expected/template.json}, key for key. Run with {@code
 * -Dgolden.update=true} to rewrite the expected files, then review the diff.
 */
class GoldenTemplateTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void templateIsTheExpectedOne(String fixture) throws IOException {
    String actual = Fixtures.synth(fixture).json();
    Path expected = Fixtures.ROOT.resolve(fixture).resolve("expected").resolve("template.json");
    if (UPDATE) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.isRegularFile(expected),
        "no " + expected + ": run mvn -pl cdk-app verify -Dgolden.update=true and review it");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, fixture);
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void synthesizingAgainGivesTheSameTemplate(String fixture) {
    String first = Fixtures.synth(fixture).json();
    String again = Fixtures.synthesize(fixture, Map.of()).json();
    assertEquals(first, again, fixture + " synthesized twice");
  }
}
