package dev.statecraft.compiler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every emitted Cloud Workflows definition validates against SchemaStore's schema for Cloud
 * Workflows, as kept in the shared folder ({@link TestPaths#shared()}).
 */
class CloudWorkflowsSchemaTest {
  private static final Path SCHEMA =
      TestPaths.shared().resolve("schemas/cloud-workflows.schema.json");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyEmittedDefinitionMatchesTheSchema() throws Exception {
    JsonSchema schema = schema();
    List<Artifact> definitions = Corpus.endingWith("workflow.yaml");
    assertFalse(definitions.isEmpty());
    for (Artifact a : definitions) {
      Set<ValidationMessage> errors = schema.validate(YAML.readTree(a.content()));
      assertTrue(
          errors.isEmpty(),
          () -> a.path() + " violates the schema: " + errors + "\n" + a.content());
    }
  }

  @Test
  void theSchemaRejectsAStepWithAnUnknownKeyword() throws Exception {
    JsonNode bad = YAML.readTree("main:\n  steps:\n    - one:\n        frobnicate: 1\n");
    assertFalse(schema().validate(bad).isEmpty());
  }

  private static JsonSchema schema() throws Exception {
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }
}
