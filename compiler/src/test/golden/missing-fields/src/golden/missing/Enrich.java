package golden.missing;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A webhook payload with fields left out: each missing field, and each missing map key, is {@code
 * null} as in Java; it prints as {@code null}, reaches activities as {@code null} and stays in
 * lists. A method called on such a null, even after it was stored in a local, or on an activity's
 * null result, is Java's {@code NullPointerException}.
 */
@Workflow
public class Enrich {
  private final Directory directory = Durable.activities(Directory.class);

  @WorkflowMethod
  public String run(Event e) {
    String owner = directory.owner(e.repo());
    List<String> names = new ArrayList<>();
    for (Person p : e.people()) {
      names.add(p.name());
    }
    names.add(e.sender().name());
    Map<String, String> labels = Map.of("bug", "red");
    String color = labels.get(e.label() == null ? "none" : e.label());
    String label = e.label();
    String shout = "loud".equals(e.repo()) ? label.toUpperCase() : "-";
    return "repo="
        + e.repo()
        + " owner="
        + owner
        + " sender="
        + e.sender()
        + " names="
        + names
        + " color="
        + color
        + " unset="
        + (e.label() == null)
        + " count="
        + names.size()
        + " shout="
        + shout
        + " priority="
        + e.priority()
        + " score="
        + e.score()
        + " ownerLength="
        + owner.length();
  }
}
