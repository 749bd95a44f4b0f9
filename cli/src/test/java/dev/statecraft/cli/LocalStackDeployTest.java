package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Deploys the synthesized support-triage example to LocalStack, as {@code cdk deploy} would
 * (bootstrap parameter, assets uploaded, the template created as a CloudFormation stack), and runs
 * one ticket through it: Step Functions calls the real Lambda package. It needs a Docker engine,
 * where LocalStack runs the functions; without one (as on the build machine) JUnit skips it with
 * "Docker is not available".
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackDeployTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STACK = "statecraft-support-triage";

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"));

  @TempDir static Path out;

  @Test
  void theSynthesizedExampleDeploysAndTriagesATicket() throws Exception {
    Path triage = Cli.root().resolve("examples/support-triage");
    Cli synth = Cli.run("synth", "--source", triage.toString(), "--out", out.toString());
    assertEquals(Main.OK, synth.exitCode(), synth::toString);
    String account = "000000000000";
    String region = LOCALSTACK.getRegion();
    try (S3Client s3 = client(S3Client.builder().forcePathStyle(true));
        SsmClient ssm = client(SsmClient.builder());
        CloudFormationClient cfn = client(CloudFormationClient.builder());
        SfnClient sfn = client(SfnClient.builder())) {
      ssm.putParameter(
          b ->
              b.name("/cdk-bootstrap/hnb659fds/version")
                  .value("21")
                  .type(ParameterType.STRING)
                  .overwrite(true));
      String bucket = "cdk-hnb659fds-assets-" + account + "-" + region;
      s3.createBucket(b -> b.bucket(bucket));
      JsonNode assets = JSON.readTree(out.resolve(STACK + ".assets.json").toFile());
      for (var file : (Iterable<Map.Entry<String, JsonNode>>) assets.path("files")::fields) {
        Path source = out.resolve(file.getValue().path("source").path("path").asText());
        for (JsonNode destination : file.getValue().path("destinations")) {
          String key = destination.path("objectKey").asText();
          s3.putObject(
              b -> b.bucket(bucket).key(key),
              Files.isDirectory(source)
                  ? RequestBody.empty()
                  : RequestBody.fromFile(source.toFile()));
        }
      }
      String template = Files.readString(out.resolve(STACK + ".template.json"));
      cfn.createStack(
          b ->
              b.stackName(STACK)
                  .templateBody(template)
                  .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM));
      StackStatus status =
          await(
              Duration.ofMinutes(10),
              () -> {
                StackStatus s =
                    cfn.describeStacks(b -> b.stackName(STACK)).stacks().get(0).stackStatus();
                return s.toString().endsWith("IN_PROGRESS") ? null : s;
              });
      assertEquals(StackStatus.CREATE_COMPLETE, status);
      String machine =
          sfn.listStateMachines().stateMachines().stream()
              .filter(m -> m.name().endsWith("support-triage"))
              .findFirst()
              .orElseThrow()
              .stateMachineArn();
      String ticket = Files.readString(triage.resolve("ticket.json"));
      String execution =
          sfn.startExecution(b -> b.stateMachineArn(machine).name("localstack-1").input(ticket))
              .executionArn();
      var done =
          await(
              Duration.ofMinutes(5),
              () -> {
                var d = sfn.describeExecution(b -> b.executionArn(execution));
                return d.status() == ExecutionStatus.RUNNING ? null : d;
              });
      assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done::toString);
      assertTrue(done.output().contains("local-stand-in"), done.output());
    }
  }

  private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C>
      C client(B builder) {
    return builder
        .endpointOverride(URI.create(LOCALSTACK.getEndpoint().toString()))
        .region(Region.of(LOCALSTACK.getRegion()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
        .build();
  }

  private static <T> T await(Duration timeout, Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not done within " + timeout);
  }
}
