package diag;

import dev.statecraft.api.Activities;
import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

@Workflow
public class StreamRefusals {
  @Activities
  public interface Scores {
    int score(String s);
  }

  public static class ScoresImpl implements Scores {
    @Override
    public int score(String s) {
      return s.length();
    }
  }

  private final Scores scores = Durable.activities(Scores.class);

  @WorkflowMethod
  public int run(Map<String, Integer> in) {
    List<String> keys = new ArrayList<>(in.keySet());
    // BUG: INVALID_LAMBDA 70
    List<String> byScore = keys.stream().sorted(Comparator.comparing(s -> scores.score(s))).toList();
    // BUG: TYPE_MISMATCH 70
    List<String> byBlank = keys.stream().sorted(Comparator.comparing(s -> s.isEmpty())).toList();
    // BUG: INVALID_LAMBDA 47
    List<String> flat = keys.stream().flatMap(k -> Stream.of(k, k)).toList();
    // BUG: UNSUPPORTED_CALL 20
    String first = keys.stream().max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalStateException());
    // BUG: UNSUPPORTED_CALL 16
    double s = keys.stream().mapToDouble(k -> k.length() * 0.5).sum();
    int total = 0;
    for (Map.Entry<String, Integer> e : in.entrySet()) {
      // BUG: UNSUPPORTED_STATEMENT 7
      in.remove(e.getKey());
      // BUG: UNSUPPORTED_EXPRESSION 7
      e.setValue(0);
      total += e.getValue();
    }
    return total + (int) s + byScore.size() + byBlank.size() + flat.size() + first.length();
  }
}
