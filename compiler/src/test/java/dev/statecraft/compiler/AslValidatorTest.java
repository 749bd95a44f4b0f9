package dev.statecraft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every emitted Amazon States Language definition passes the {@code asl-validator} npm package
 * (v4), an independent referee, installed into tools/node_modules by the Maven build.
 */
class AslValidatorTest {
  private static final Path VALIDATOR =
      TestPaths.root().resolve("tools/node_modules/.bin/asl-validator");

  @Test
  void everyEmittedDefinitionIsValid(@TempDir Path dir) throws Exception {
    requireValidator();
    List<Artifact> definitions = Corpus.endingWith(".asl.json");
    assertFalse(definitions.isEmpty());
    List<String> args = new ArrayList<>(List.of(VALIDATOR.toString()));
    for (Artifact a : definitions) {
      Path file = dir.resolve(a.path().replace('/', '_'));
      Files.writeString(file, a.content(), StandardCharsets.UTF_8);
      args.add("--json-path");
      args.add(file.toString());
    }
    Result r = run(args);
    assertEquals(0, r.exitCode(), r.output());
  }

  @Test
  void theValidatorRejectsABrokenDefinition(@TempDir Path dir) throws Exception {
    requireValidator();
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Next\":\"Nowhere\"}}}");
    Result r = run(List.of(VALIDATOR.toString(), "--json-path", bad.toString()));
    assertEquals(1, r.exitCode(), r.output());
  }

  /** The Maven build installs the validator (exec-maven-plugin runs npm ci in tools/). */
  static void requireValidator() {
    if (!Files.isExecutable(VALIDATOR)) {
      throw new AssertionError(
          "asl-validator is missing at " + VALIDATOR + "; run: npm ci --prefix tools");
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("asl-validator timed out");
    }
    return new Result(p.exitValue(), out);
  }
}
