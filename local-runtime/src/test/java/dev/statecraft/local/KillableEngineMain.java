package dev.statecraft.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The process {@link SigkillRecoveryTest} kills: opens a durable engine, starts a six-step
 * execution whose handler logs each start and end to a file, and runs until killed.
 */
public final class KillableEngineMain {
  static final int STEPS = 6;

  private KillableEngineMain() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    Path log = Path.of(args[1]);
    LocalEngine engine = LocalEngine.open(EngineOptions.durable(db));
    engine.registerLambda("step", loggingHandler(log, 150));
    engine.createStateMachine("steps", definition());
    engine.startExecution("steps", "crash", "{}");
    Thread.sleep(60_000);
    engine.close();
  }

  static JsonFunctionHandler loggingHandler(Path log, long sleepMillis) {
    return new JsonFunctionHandler(
        (in, ctx) -> {
          int n = in.get("n").asInt();
          append(log, "start " + n);
          Thread.sleep(sleepMillis);
          append(log, "end " + n);
          return JsonFunctionHandler.json(String.valueOf(n * n));
        });
  }

  static synchronized void append(Path log, String line) throws IOException {
    Files.writeString(
        log,
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  static String definition() {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < STEPS; i++) {
      if (i > 0) {
        states.append(',');
      }
      states
          .append("\"S")
          .append(i)
          .append("\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",")
          .append("\"Parameters\":{\"FunctionName\":\"step\",\"Payload\":{\"n\":")
          .append(i)
          .append("}},\"ResultSelector\":{\"v.$\":\"$.Payload\"},\"ResultPath\":\"$.r")
          .append(i)
          .append("\",")
          .append(i == STEPS - 1 ? "\"End\":true}" : "\"Next\":\"S" + (i + 1) + "\"}");
    }
    return "{\"StartAt\":\"S0\",\"States\":{" + states + "}}";
  }
}
