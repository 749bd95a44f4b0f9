package golden.strings;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowFailure;
import dev.statecraft.api.WorkflowMethod;

/**
 * The string and enum methods users reach for after the basics: {@code strip} with Java's notion of
 * whitespace ({@code trim}'s and {@code isBlank}'s too), {@code indexOf} from a position (clamped
 * as Java clamps it), {@code repeat}, and an enum read from text with {@code valueOf}, its {@code
 * ordinal} and {@code values}; the cause of a caught {@code WorkflowFailure}.
 */
@Workflow
public class TextTools {
  private final Notes notes = Durable.activities(Notes.class);

  @WorkflowMethod
  public String run(Request r) {
    Color c = Color.valueOf(r.color());
    notes.note(c.name() + "#" + c.ordinal());
    String t = r.text();
    String stripped =
        "["
            + t.strip()
            + "|"
            + t.stripLeading()
            + "|"
            + t.stripTrailing()
            + "|"
            + t.trim()
            + "|"
            + t.isBlank()
            + "]";
    notes.note(stripped);
    int at = t.indexOf(r.pattern(), r.from());
    int next = at < 0 ? -1 : t.indexOf(r.pattern(), at + 1);
    try {
      if (r.count() > 5) {
        throw new WorkflowFailure("TooLong", "count " + r.count());
      }
    } catch (WorkflowFailure e) {
      notes.note("caught " + e.cause() + " / " + e.getMessage());
    }
    String line = "-".repeat(r.count()) + r.pattern().repeat(2);
    int later = 0;
    for (Color each : Color.values()) {
      if (each.ordinal() >= c.ordinal()) {
        later++;
      }
    }
    Color last = Color.values()[Color.values().length - 1];
    return stripped
        + " "
        + at
        + " "
        + next
        + " "
        + line
        + " "
        + later
        + " "
        + last
        + " "
        + last.ordinal();
  }
}
