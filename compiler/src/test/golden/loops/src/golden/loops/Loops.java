package golden.loops;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * for-each, indexed for, while with break and continue, do/while, labels, and polling loops whose
 * conditions call activities (a do/while's checked after a continue, too).
 */
@Workflow
public class Loops {
  private final Counter counter = Durable.activities(Counter.class);

  @WorkflowMethod
  public List<Integer> run(List<String> items) {
    List<Integer> scores = new ArrayList<>();
    int total = 0;
    for (String item : items) {
      if (item.isEmpty()) {
        continue;
      }
      int s = counter.score(item);
      scores.add(s);
      total += s;
      if (total > 100) {
        break;
      }
    }
    for (int i = 0; i < 3; i++) {
      total = total * 2 + i;
    }
    int round = 0;
    while (counter.more(round)) {
      round++;
    }
    do {
      round--;
    } while (round > 0);
    outer:
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        if (a * b == 2) {
          break outer;
        }
        total++;
      }
    }
    int polls = 0;
    do {
      polls++;
      if (polls == 2) {
        continue;
      }
      total += polls;
    } while (counter.score("poll" + polls) < 6 && polls < 4);
    while (counter.score("w" + round) > 1 && round < 5) {
      round++;
      if (round == 2) {
        continue;
      }
      total++;
    }
    scores.add(total);
    scores.add(round);
    scores.add(polls);
    return scores;
  }
}
