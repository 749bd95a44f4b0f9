package dev.statecraft.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.statecraft.manifest.WorkflowSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A workflow's emitted ASL, read from beside the manifest. */
final class AslDefinition {
  /** The key of the AWS definition in {@link WorkflowSpec#definitions()}. */
  static final String TARGET = "aws";

  // Numbers stay as written: 2.0 must become neither 2 nor 2.0000000001.
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private AslDefinition() {}

  /**
   * The definition of {@code workflow}, without insignificant white space (a template holds it as
   * one string, and CloudFormation limits a template's size).
   *
   * @throws IllegalArgumentException when the manifest names no AWS definition, the file is not
   *     JSON, or the definition has a placeholder that the workflow does not declare
   */
  static String read(Path manifestDirectory, WorkflowSpec workflow) {
    String relative = workflow.definitions().get(TARGET);
    if (relative == null) {
      throw new IllegalArgumentException(
          "workflow '" + workflow.name() + "' has no AWS definition in the manifest");
    }
    Path file = manifestDirectory.resolve(relative);
    String compact;
    try {
      compact = JSON.writeValueAsString(JSON.readTree(Files.readString(file)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + " is not JSON: " + e.getOriginalMessage() + " (compile the project again)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the definition of workflow '" + workflow.name() + "': " + file, e);
    }
    // Throws when the definition has a placeholder the manifest does not list.
    workflow.substitute(compact, s -> "");
    return compact;
  }
}
