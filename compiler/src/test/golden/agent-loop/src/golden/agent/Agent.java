package golden.agent;

import dev.statecraft.api.*;
import java.time.Duration;
import java.util.*;
import java.util.stream.Collectors;

/** An agent loop: retries, model escalation, a summary fan-out and a human in the loop. */
@Workflow(name = "triage-agent")
public class Agent {
  private static final int MAX_ROUNDS = 3;
  private final Llm llm = Durable.activities(Llm.class);

  @WorkflowMethod
  public Outcome run(Job job) {
    List<Step> steps = new ArrayList<>();
    Map<String, Integer> usage = new LinkedHashMap<>();
    String state = "start";
    int round = 0;
    try {
      do {
        round++;
        Reply r;
        try {
          r = llm.call(job.prompt() + " #" + round, round > 1 ? "large" : "small");
        } catch (Overloaded e) {
          Durable.sleep(Duration.ofSeconds(round * 5L));
          continue;
        } finally {
          usage.merge("rounds", 1, Integer::sum);
        }
        usage.merge(r.model(), r.tokens(), Integer::sum);
        steps.add(new Step(round, r.text(), r.tokens()));
        state = switch (r.verdict()) {
          case DONE -> "done";
          case RETRY -> {
            if (round >= MAX_ROUNDS) {
              yield "gave-up";
            }
            yield "retry";
          }
          case ESCALATE -> "escalate";
        };
      } while (state.equals("retry") && round < MAX_ROUNDS);
    } catch (ActivityTimeout t) {
      state = "timeout";
    }
    List<String> parts = Durable.map(steps, 2, s -> {
      String text = s.text().length() > 10 ? s.text().substring(0, 10) : s.text();
      return s.round() + ":" + llm.summarize(text);
    });
    int tokens = steps.stream().mapToInt(Step::tokens).sum();
    String report = parts.stream().collect(Collectors.joining("; "));
    if (state.equals("escalate")) {
      Verdict v = Durable.awaitCallback(Verdict.class, Duration.ofHours(4), cb -> llm.notifyHuman(job.prompt(), cb));
      state = "human:" + v.name();
    }
    return new Outcome(state, round, tokens, report, usage);
  }
}
