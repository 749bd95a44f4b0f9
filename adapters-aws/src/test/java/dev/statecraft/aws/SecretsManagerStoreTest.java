package dev.statecraft.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.adapters.ActivityInfo;
import dev.statecraft.adapters.ActivityInput;
import dev.statecraft.api.Activities;
import dev.statecraft.api.Secret;
import dev.statecraft.api.Secrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets read with the real AWS SDK from a local Secrets Manager API (moto's server). */
class SecretsManagerStoreTest {
  private static final String VALUE = "sk-proj-Zx81Qw02-secret-value";
  private static MotoServer moto;
  private static SecretsManagerClient admin;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = MotoServer.start();
    admin = client();
  }

  @AfterAll
  static void stopMoto() {
    if (admin != null) {
      admin.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  private static SecretsManagerClient client() {
    return SecretsManagerClient.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static String create(String name, String value) {
    return admin
        .createSecret(b -> b.name(name + "-" + System.nanoTime()).secretString(value))
        .arn();
  }

  private static SecretsManagerStore store(Map<String, String> env) {
    return new SecretsManagerStore(env, SecretsManagerStoreTest::client);
  }

  @Test
  void readsTheSecretNamedByItsArnVariableOncePerColdStart() {
    String arn = create("openai", VALUE);
    SecretsManagerStore store = store(Map.of("STATECRAFT_SECRET_OPENAI_API_KEY", arn));
    assertEquals(Optional.of(VALUE), store.find("OPENAI_API_KEY"));
    admin.putSecretValue(b -> b.secretId(arn).secretString("rotated"));
    assertEquals(Optional.of(VALUE), store.find("OPENAI_API_KEY"), "cached until a cold start");
    assertEquals(
        Optional.of("rotated"),
        store(Map.of("STATECRAFT_SECRET_OPENAI_API_KEY", arn)).find("OPENAI_API_KEY"));
  }

  @Test
  void aSecretCreatedEmptyHasNoValueUntilItIsSet() {
    String arn =
        admin.createSecret(b -> b.name("empty-" + System.nanoTime()).description("no value")).arn();
    SecretsManagerStore store = store(Map.of("STATECRAFT_SECRET_SLACK_URL", arn));
    assertEquals(Optional.empty(), store.find("SLACK_URL"));
    assertTrue(store.whereToSet("SLACK_URL").contains(arn), store.whereToSet("SLACK_URL"));
    admin.putSecretValue(b -> b.secretId(arn).secretString("https://hooks.slack.test/x"));
    assertEquals(Optional.of("https://hooks.slack.test/x"), store.find("SLACK_URL"));
  }

  @Test
  void aFunctionDeployedWithoutTheSecretSaysSo() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> store(Map.of()).find("OPENAI_API_KEY"));
    assertTrue(e.getMessage().contains("deployed without"), e.getMessage());
  }

  @Activities
  @Secret("OPENAI_API_KEY")
  interface Model {
    String complete(String prompt);
  }

  /** The handler the compiler would generate, reading its key from Secrets Manager. */
  static final class CompleteHandler extends LambdaActivityHandler {
    private static final ActivityInfo INFO = ActivityInfo.of(Model.class, "complete");

    CompleteHandler(SecretsManagerStore store) {
      super(store);
    }

    @Override
    protected ActivityInfo info() {
      return INFO;
    }

    @Override
    public Object invoke(ActivityInput input) {
      String key = Secrets.get("OPENAI_API_KEY");
      String prompt = input.get("prompt", String.class);
      if (prompt.equals("fail")) {
        throw new IllegalStateException("the model refused key " + key);
      }
      return prompt + " signed with a key of " + key.length() + " characters";
    }
  }

  @Test
  void anActivityReadsItFromSecretsManagerAndItReachesNoOutputLogOrError() throws Exception {
    String arn = create("model", VALUE);
    CompleteHandler handler =
        new CompleteHandler(store(Map.of("STATECRAFT_SECRET_OPENAI_API_KEY", arn)));
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
    String result;
    RuntimeException failure;
    try {
      result = invoke(handler, "hi");
      failure = assertThrows(RuntimeException.class, () -> invoke(handler, "fail"));
    } finally {
      System.setOut(stdout);
    }
    assertEquals("\"hi signed with a key of " + VALUE.length() + " characters\"", result);
    assertEquals("dev.statecraft.adapters.SecretLeak", failure.getClass().getName());
    assertFalse(failure.getMessage().contains(VALUE), failure.getMessage());
    String logged = logs.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("Model.complete"), logged);
    assertFalse(logged.contains(VALUE), logged);
  }

  private static String invoke(CompleteHandler handler, String prompt) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(
            ("{\"prompt\": \"" + prompt + "\"}").getBytes(StandardCharsets.UTF_8)),
        out,
        null);
    return out.toString(StandardCharsets.UTF_8);
  }
}
