package dev.statecraft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionSeverity;

/**
 * CreateStateMachine, UpdateStateMachine, DeleteStateMachine, DescribeStateMachine,
 * ListStateMachines and ValidateStateMachineDefinition.
 */
class StateMachineApiTest extends LocalSfnTest {
  @Test
  void createReturnsTheArnAndIsIdempotentForTheSameDefinition() {
    CreateStateMachineResponse first =
        local.sfn.createStateMachine(
            b -> b.name("hello").definition(LocalSfn.PASS).roleArn(LocalSfn.ROLE));
    assertEquals(
        "arn:aws:states:us-east-1:000000000000:stateMachine:hello", first.stateMachineArn());
    assertNotNull(first.creationDate());

    CreateStateMachineResponse again =
        local.sfn.createStateMachine(
            b -> b.name("hello").definition(LocalSfn.PASS).roleArn(LocalSfn.ROLE));
    assertEquals(first.stateMachineArn(), again.stateMachineArn());
    assertEquals(first.creationDate(), again.creationDate());

    StateMachineAlreadyExistsException e =
        assertThrows(
            StateMachineAlreadyExistsException.class,
            () ->
                local.sfn.createStateMachine(
                    b -> b.name("hello").definition(LocalSfn.FAIL).roleArn(LocalSfn.ROLE)));
    assertEquals("StateMachineAlreadyExists", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    assertTrue(e.getMessage().contains(first.stateMachineArn()), e.getMessage());
  }

  @Test
  void createRefusesBadDefinitionsNamesAndTypes() {
    InvalidDefinitionException definition =
        assertThrows(
            InvalidDefinitionException.class,
            () ->
                local.sfn.createStateMachine(
                    b ->
                        b.name("bad")
                            .definition("{\"StartAt\":\"X\",\"States\":{}}")
                            .roleArn(LocalSfn.ROLE)));
    assertTrue(
        definition.getMessage().contains("Invalid State Machine Definition"),
        definition.getMessage());
    assertThrows(
        InvalidNameException.class,
        () ->
            local.sfn.createStateMachine(
                b -> b.name("has space").definition(LocalSfn.PASS).roleArn(LocalSfn.ROLE)));
    assertThrows(
        InvalidArnException.class,
        () ->
            local.sfn.createStateMachine(
                b -> b.name("role").definition(LocalSfn.PASS).roleArn("not-an-arn")));
    SfnException type =
        assertThrows(
            SfnException.class,
            () ->
                local.sfn.createStateMachine(
                    b ->
                        b.name("typed")
                            .definition(LocalSfn.PASS)
                            .roleArn(LocalSfn.ROLE)
                            .type("SOMETIMES")));
    assertEquals("ValidationException", type.awsErrorDetails().errorCode());
    assertTrue(local.sfn.listStateMachines(b -> {}).stateMachines().isEmpty());
  }

  @Test
  void describeReportsWhatWasCreated() {
    String arn =
        local
            .sfn
            .createStateMachine(
                b ->
                    b.name("express")
                        .definition(LocalSfn.PASS)
                        .roleArn(LocalSfn.ROLE)
                        .type(StateMachineType.EXPRESS))
            .stateMachineArn();
    DescribeStateMachineResponse d = local.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    assertEquals(arn, d.stateMachineArn());
    assertEquals("express", d.name());
    assertEquals(StateMachineStatus.ACTIVE, d.status());
    assertEquals(LocalSfn.PASS, d.definition());
    assertEquals(LocalSfn.ROLE, d.roleArn());
    assertEquals(StateMachineType.EXPRESS, d.type());
    assertNotNull(d.creationDate());
    assertEquals("OFF", d.loggingConfiguration().levelAsString());
    assertEquals(false, d.tracingConfiguration().enabled());
  }

  @Test
  void describeOfAnUnknownOrMalformedArnFails() {
    StateMachineDoesNotExistException missing =
        assertThrows(
            StateMachineDoesNotExistException.class,
            () ->
                local.sfn.describeStateMachine(
                    b ->
                        b.stateMachineArn(
                            "arn:aws:states:us-east-1:000000000000:stateMachine:nope")));
    assertEquals("StateMachineDoesNotExist", missing.awsErrorDetails().errorCode());
    assertThrows(
        InvalidArnException.class,
        () -> local.sfn.describeStateMachine(b -> b.stateMachineArn("nope")));
    assertThrows(
        InvalidArnException.class,
        () ->
            local.sfn.describeStateMachine(
                b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:execution:a:b")));
  }

  @Test
  void updateReplacesTheDefinitionForNewExecutions() throws Exception {
    String arn = local.create("evolving", LocalSfn.PASS);
    var updated =
        local.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(LocalSfn.FAIL));
    assertNotNull(updated.updateDate());
    assertNotNull(updated.revisionId());
    DescribeStateMachineResponse d = local.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    assertEquals(LocalSfn.FAIL, d.definition());
    assertEquals(updated.revisionId(), d.revisionId());
    String exec = local.start(arn, "after-update", "{}");
    assertEquals("Custom.Error", local.await(exec).error());

    assertThrows(
        StateMachineDoesNotExistException.class,
        () ->
            local.sfn.updateStateMachine(
                b ->
                    b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:nope")
                        .definition(LocalSfn.PASS)));
    assertThrows(
        InvalidDefinitionException.class,
        () -> local.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition("{}")));
    SfnException nothing =
        assertThrows(
            SfnException.class, () -> local.sfn.updateStateMachine(b -> b.stateMachineArn(arn)));
    assertEquals("MissingRequiredParameter", nothing.awsErrorDetails().errorCode());
  }

  @Test
  void listPagesThroughEveryStateMachine() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(local.create("machine-" + i, LocalSfn.PASS));
    }
    List<String> listed = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListStateMachinesResponse page =
          local.sfn.listStateMachines(b -> b.maxResults(2).nextToken(next));
      assertTrue(page.stateMachines().size() <= 2);
      for (StateMachineListItem item : page.stateMachines()) {
        listed.add(item.stateMachineArn());
        assertEquals(StateMachineType.STANDARD, item.type());
        assertNotNull(item.creationDate());
      }
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertEquals(3, pages);
    assertEquals(created, listed);
    assertNull(local.sfn.listStateMachines(b -> {}).nextToken());
    assertEquals(5, local.sfn.listStateMachines(b -> {}).stateMachines().size());
  }

  @Test
  void listRefusesForeignTokensAndOversizedPages() {
    local.create("a", LocalSfn.PASS);
    assertThrows(
        InvalidTokenException.class,
        () -> local.sfn.listStateMachines(b -> b.nextToken("garbage!")));
    SfnException tooMany =
        assertThrows(
            SfnException.class, () -> local.sfn.listStateMachines(b -> b.maxResults(1001)));
    assertEquals("ValidationException", tooMany.awsErrorDetails().errorCode());
  }

  @Test
  void stateMachinesSurviveARestart() {
    String arn =
        local
            .sfn
            .createStateMachine(
                b ->
                    b.name("kept")
                        .definition(LocalSfn.PASS)
                        .roleArn(LocalSfn.ROLE)
                        .type(StateMachineType.EXPRESS))
            .stateMachineArn();
    var before = local.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    local.close();
    local = new LocalSfn(dir);
    var after = local.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    assertEquals(before.definition(), after.definition());
    assertEquals(before.creationDate(), after.creationDate());
    assertEquals(StateMachineType.EXPRESS, after.type());
  }

  @Test
  void deleteFailsRunningExecutionsKeepsFinishedOnesAndFreesTheName() {
    String waits =
        "{\"StartAt\":\"Hold\",\"States\":{\"Hold\":{\"Type\":\"Wait\",\"Seconds\":3600,"
            + "\"End\":true}}}";
    String arn =
        local
            .sfn
            .createStateMachine(b -> b.name("doomed").definition(waits).roleArn(LocalSfn.ROLE))
            .stateMachineArn();
    String running =
        local.sfn.startExecution(b -> b.stateMachineArn(arn).name("waiting")).executionArn();

    local.sfn.deleteStateMachine(b -> b.stateMachineArn(arn));

    DescribeExecutionResponse failed = local.sfn.describeExecution(b -> b.executionArn(running));
    assertEquals(ExecutionStatus.FAILED, failed.status());
    assertEquals("States.Runtime", failed.error());
    assertEquals("State machine doomed has been deleted.", failed.cause());
    assertThrows(
        StateMachineDoesNotExistException.class,
        () -> local.sfn.describeStateMachine(b -> b.stateMachineArn(arn)));
    assertTrue(
        local.sfn.listStateMachines(b -> {}).stateMachines().stream()
            .noneMatch(m -> m.name().equals("doomed")));
    local.sfn.deleteStateMachine(b -> b.stateMachineArn(arn)); // idempotent, as AWS
    assertThrows(
        InvalidArnException.class, () -> local.sfn.deleteStateMachine(b -> b.stateMachineArn("x")));

    local.sfn.createStateMachine(
        b -> b.name("doomed").definition(LocalSfn.PASS).roleArn(LocalSfn.ROLE));
    assertEquals(
        LocalSfn.PASS, local.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition());
  }

  @Test
  void validateReportsEachProblemWithCodeAndLocationAndCreatesNothing() {
    ValidateStateMachineDefinitionResponse ok =
        local.sfn.validateStateMachineDefinition(b -> b.definition(LocalSfn.PASS));
    assertEquals(ValidateStateMachineDefinitionResultCode.OK, ok.result());
    assertTrue(ok.diagnostics().isEmpty());

    ValidateStateMachineDefinitionResponse bad =
        local.sfn.validateStateMachineDefinition(
            b ->
                b.definition(
                    "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                        + "\"Next\":\"Nowhere\"}}}"));
    assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, bad.result());
    ValidateStateMachineDefinitionDiagnostic d = bad.diagnostics().get(0);
    assertEquals(ValidateStateMachineDefinitionSeverity.ERROR, d.severity());
    assertEquals("MISSING_TRANSITION_TARGET", d.code());
    assertEquals("/States/A/Next", d.location());
    assertTrue(d.message().contains("Nowhere"), d.message());
    assertTrue(local.sfn.listStateMachines(b -> {}).stateMachines().isEmpty());
  }
}
