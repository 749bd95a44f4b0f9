package dev.statecraft.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefinitionValidationTest {
  private LocalEngine engine;

  @BeforeEach
  void open() {
    engine = LocalEngine.open(EngineOptions.inMemory());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private InvalidDefinitionException reject(String definition) {
    return assertThrows(
        InvalidDefinitionException.class,
        () -> engine.createStateMachine("bad", definition.replace('\'', '"')));
  }

  @Test
  void aMissingNextTargetIsReportedWithItsPointer() {
    InvalidDefinitionException e =
        reject("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'X'}}}");
    assertEquals(
        "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: X"
            + " at /States/A/Next'",
        e.getMessage());
  }

  @Test
  void schemaProblemsAreCollectedTogether() {
    InvalidDefinitionException e =
        reject("{'States':{'A':{'Type':'Teleport','End':true},'B':{'Type':'Pass'}}}");
    assertEquals(3, e.problems().size(), e.problems()::toString);
    assertTrue(
        e.getMessage().startsWith("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED"));
    assertTrue(e.problems().stream().anyMatch(p -> p.contains("[StartAt]")));
    assertTrue(e.problems().stream().anyMatch(p -> p.contains("Teleport")));
  }

  @Test
  void jsonPathFieldsAreRejectedInJsonataStates() {
    InvalidDefinitionException e =
        reject(
            "{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Pass',"
                + "'InputPath':'$.x','End':true}}}");
    assertTrue(e.getMessage().contains("'InputPath'"), e.getMessage());
  }

  @Test
  void aBadPayloadPathIsRejectedBeforeRunning() {
    InvalidDefinitionException e =
        reject(
            "{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'x.$':'nope'},"
                + "'End':true}}}");
    assertTrue(e.getMessage().contains("x.$"), e.getMessage());
  }

  @Test
  void startingAnUnknownStateMachineIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> engine.startExecution("nope", "a", "{}"));
  }
}
