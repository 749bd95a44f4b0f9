package dev.statecraft.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.adapters.ActivityInfo;
import dev.statecraft.adapters.ActivityInput;
import dev.statecraft.adapters.SecretLeak;
import dev.statecraft.api.Activities;
import dev.statecraft.api.Secret;
import dev.statecraft.api.Secrets;
import dev.statecraft.api.spi.SecretStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lambda handler base as Lambda runs it: secrets bound per call and kept out of results, errors
 * and logs; errors named by the exception's class; one JSON log line per call with the execution,
 * state and activity. (The surefire configuration turns the Lambda logs on.)
 */
class LambdaActivityHandlerTest {
  private static final String KEY = "sk-live-9f8e7d6c5b4a3f2e1d0c";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTEXT =
      "\"@statecraft\": {\"execution\": \"arn:aws:states:us-east-1:1:execution:triage:run-7\","
          + " \"state\": \"Classify\", \"attempt\": 1}";

  /** Thrown by the activity: Catch clauses match its class name. */
  static final class RateLimited extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RateLimited(String message) {
      super(message);
    }
  }

  @Activities
  @Secret("MODEL_API_KEY")
  interface Model {
    String complete(String prompt);
  }

  /** What the activity does with its key, per prompt. */
  static final class ModelImpl implements Model {
    @Override
    public String complete(String prompt) {
      String key = Secrets.get("MODEL_API_KEY");
      return switch (prompt) {
        case "leak" -> "the key is " + key;
        case "fail" -> throw new IllegalStateException("401 from model with key " + key);
        case "busy" -> throw new RateLimited("slow down");
        case "other" -> Secrets.get("OTHER_KEY");
        default -> prompt.toUpperCase() + " (key of " + key.length() + " chars)";
      };
    }
  }

  /** The handler the compiler would generate for {@code Model.complete}. */
  static final class CompleteHandler extends LambdaActivityHandler {
    private static final ActivityInfo INFO = ActivityInfo.of(Model.class, "complete");
    private final Model activities = new ModelImpl();

    CompleteHandler(SecretStore secrets) {
      super(secrets);
    }

    @Override
    protected ActivityInfo info() {
      return INFO;
    }

    @Override
    public Object invoke(ActivityInput input) {
      return activities.complete(input.get("prompt", String.class));
    }
  }

  private final SecretStore store =
      new SecretStore() {
        @Override
        public Optional<String> find(String name) {
          return Optional.ofNullable(Map.of("MODEL_API_KEY", KEY, "OTHER_KEY", KEY).get(name));
        }

        @Override
        public String whereToSet(String name) {
          return "the test's store";
        }
      };

  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private PrintStream stdout;

  @BeforeEach
  void captureLogs() {
    stdout = System.out;
    System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
  }

  private String call(String prompt) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String payload = "{\"prompt\": \"" + prompt + "\", " + CONTEXT + "}";
    new CompleteHandler(store)
        .handleRequest(
            new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }

  private List<JsonNode> logLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : logs.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void aCallReadsItsDeclaredSecretAndLogsOneStructuredLine() throws Exception {
    assertEquals("\"HELLO (key of " + KEY.length() + " chars)\"", call("hello"));
    List<JsonNode> lines = logLines();
    assertEquals(1, lines.size(), logs::toString);
    JsonNode line = lines.get(0);
    assertEquals("INFO", line.path("level").asText());
    assertEquals("Model.complete", line.path("activity").asText(), line::toString);
    assertEquals(
        "arn:aws:states:us-east-1:1:execution:triage:run-7", line.path("execution").asText());
    assertEquals("Classify", line.path("state").asText());
    assertEquals("1", line.path("attempt").asText());
    assertTrue(line.has("duration_ms"), line::toString);
  }

  @Test
  void aResultHoldingASecretFailsWithoutTheSecret() throws Exception {
    SecretLeak leak = assertThrows(SecretLeak.class, () -> call("leak"));
    assertTrue(leak.getMessage().contains("'MODEL_API_KEY'"), leak.getMessage());
    assertFalse(leak.getMessage().contains(KEY));
    assertFalse(logs.toString(StandardCharsets.UTF_8).contains(KEY), logs::toString);
  }

  @Test
  void anExceptionWhoseMessageHoldsASecretIsWithheld() throws Exception {
    SecretLeak leak = assertThrows(SecretLeak.class, () -> call("fail"));
    assertTrue(leak.getMessage().contains("java.lang.IllegalStateException"), leak.getMessage());
    assertFalse(leak.getMessage().contains(KEY));
    String logged = logs.toString(StandardCharsets.UTF_8);
    assertFalse(logged.contains(KEY), logged);
    assertTrue(logged.contains("\"WARN\""), logged);
  }

  @Test
  void otherExceptionsKeepTheirClassSoCatchAndRetryMatch() {
    RateLimited e = assertThrows(RateLimited.class, () -> call("busy"));
    assertEquals("slow down", e.getMessage());
  }

  @Test
  void aSecretTheInterfaceDoesNotDeclareCannotBeRead() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> call("other"));
    assertTrue(e.getMessage().contains("'OTHER_KEY' is not declared on Model"), e.getMessage());
  }
}
