package dev.statecraft.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.secretsmanager.CfnSecret;
import software.constructs.IConstruct;

/**
 * cdk-nag's AWS Solutions pack finds nothing that the backend has not acknowledged with a reason.
 * cdk-nag 3 is a policy-validation plugin: it reports violations in its report, not as annotations,
 * so the test reads the report.
 */
class CdkNagTest {
  static List<String> violations(IConstruct scope) {
    AwsSolutionsChecks checks =
        new AwsSolutionsChecks(null, NagPackProps.builder().verbose(true).build());
    PolicyValidationPluginReport report = checks.validateScope(scope);
    return report.getViolations().stream().map(CdkNagTest::describe).toList();
  }

  private static String describe(PolicyViolation v) {
    return v.getRuleName()
        + " ("
        + v.getSeverity()
        + ") at "
        + v.getViolatingResources().stream()
            .map(
                r -> r.getConstructPath() != null ? r.getConstructPath() : r.getResourceLogicalId())
            .collect(Collectors.joining(", "))
        + ": "
        + v.getDescription();
  }

  @ParameterizedTest
  @MethodSource("dev.statecraft.cdk.Fixtures#names")
  void awsSolutionsFindsNothingUnacknowledged(String fixture) {
    List<String> violations = violations(Fixtures.synth(fixture).stack());
    assertEquals(List.of(), violations, String.join("\n", violations));
  }

  @Test
  void theCheckReportsWhatIsNotAcknowledged() {
    Stack stack = new Stack(new App(), "bare");
    CfnSecret.Builder.create(stack, "Bare").name("bare").build();
    List<String> violations = violations(stack);
    assertTrue(
        violations.stream().anyMatch(v -> v.startsWith("AwsSolutions-SMG4")),
        "a secret without rotation nor acknowledgment is reported: " + violations);
  }
}
