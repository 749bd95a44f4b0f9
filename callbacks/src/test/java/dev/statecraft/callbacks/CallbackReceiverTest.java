package dev.statecraft.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statecraft.manifest.CallbackSpec;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.WorkflowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackReceiverTest {
  private static final String TOKEN = "AAAAKgAAAAIAAAAAAAAAAbVt9sEcret+token/value==";
  private static final String ROUTE = "refund-approval/AwaitAskReviewer";

  private final List<String> calls = new ArrayList<>();
  private TaskCompleter.Refusal refusal;

  private final TaskCompleter tasks =
      new TaskCompleter() {
        @Override
        public void succeed(String token, String json) throws Refused {
          refuseIfAsked();
          calls.add("succeed " + token + " " + json);
        }

        @Override
        public void fail(String token, String error, String cause) throws Refused {
          refuseIfAsked();
          calls.add("fail " + token + " " + error + " " + cause);
        }
      };

  /** Accepts objects with a boolean "approved", as the real check would for Decision. */
  private final CallbackReceiver.AnswerCheck check =
      (type, json) ->
          json.matches("\\{\\s*\"approved\"\\s*:\\s*(true|false).*")
              ? Optional.empty()
              : Optional.of("does not fit Decision: approved must be a boolean");

  private final CallbackReceiver receiver =
      new CallbackReceiver(
          DeploymentManifest.of(
              List.of(
                  new WorkflowSpec(
                      "refund-approval",
                      "x.RefundApproval",
                      null,
                      "x.RefundRequest",
                      "x.RefundOutcome",
                      Map.of(),
                      List.of(),
                      List.of(),
                      List.of(new CallbackSpec("AwaitAskReviewer", "x.Decision", "Refunds_ask")),
                      List.of(),
                      List.of())),
              List.of()),
          check,
          tasks);

  private void refuseIfAsked() throws TaskCompleter.Refused {
    if (refusal != null) {
      throw new TaskCompleter.Refused(refusal, "refused");
    }
  }

  @Test
  void aFittingAnswerCompletesTheWait() {
    CallbackResponse r =
        receiver.receive("POST", ROUTE, Map.of("token", TOKEN), "{\"approved\": true}");
    assertEquals(200, r.status(), r.body());
    assertEquals(List.of("succeed " + TOKEN + " {\"approved\":true}"), calls);
  }

  @Test
  void anAnswerThatDoesNotFitIs400AndTheWaitGoesOn() {
    CallbackResponse r =
        receiver.receive("POST", ROUTE, Map.of("token", TOKEN), "{\"approved\": \"yes\"}");
    assertEquals(400, r.status());
    assertTrue(r.body().contains("goes on"), r.body());
    assertEquals(List.of(), calls);
    assertEquals(400, receiver.receive("POST", ROUTE, Map.of("token", TOKEN), "{nope").status());
    assertEquals(400, receiver.receive("POST", ROUTE, Map.of("token", TOKEN), "").status());
    assertEquals(List.of(), calls);
  }

  @Test
  void errorFailsTheWaitWithoutATypeCheck() {
    CallbackResponse r =
        receiver.receive(
            "POST", ROUTE, Map.of("token", TOKEN, "error", "Declined", "cause", "no"), "");
    assertEquals(200, r.status());
    assertEquals(List.of("fail " + TOKEN + " Declined no"), calls);
  }

  @Test
  void tokensAreRequiredAndNeverEchoed() {
    assertEquals(401, receiver.receive("POST", ROUTE, Map.of(), "{\"approved\":true}").status());
    refusal = TaskCompleter.Refusal.INVALID_TOKEN;
    CallbackResponse invalid =
        receiver.receive("POST", ROUTE, Map.of("token", TOKEN), "{\"approved\":true}");
    assertEquals(401, invalid.status());
    assertFalse(invalid.body().contains(TOKEN));
    refusal = TaskCompleter.Refusal.TASK_GONE;
    CallbackResponse gone =
        receiver.receive("POST", ROUTE, Map.of("token", TOKEN), "{\"approved\":true}");
    assertEquals(410, gone.status());
    assertFalse(gone.body().contains(TOKEN));
    assertEquals(List.of(), calls);
  }

  @Test
  void unknownRoutesMethodsAndHugeBodies() {
    assertEquals(404, receiver.receive("POST", "refund-approval/Nope", Map.of(), "").status());
    assertEquals(404, receiver.receive("POST", "other/AwaitAskReviewer", Map.of(), "").status());
    assertEquals(404, receiver.receive("POST", "refund-approval", Map.of(), "").status());
    assertEquals(405, receiver.receive("GET", ROUTE, Map.of("token", TOKEN), "").status());
    String huge = "{\"approved\": true, \"note\": \"" + "x".repeat(256 * 1024) + "\"}";
    assertEquals(413, receiver.receive("POST", ROUTE, Map.of("token", TOKEN), huge).status());
    assertEquals(List.of(), calls);
  }
}
