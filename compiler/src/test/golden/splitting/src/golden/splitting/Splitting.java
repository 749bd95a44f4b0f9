package golden.splitting;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * String.split as Java means it: a regular expression, trailing empty strings dropped, the whole
 * string when nothing matches, a leading empty string after a match at the start.
 */
@Workflow
public class Splitting {
  private static final String SPACES = "\\s+";

  private final Words words = Durable.activities(Words.class);

  @WorkflowMethod
  public List<String> run(String text) {
    List<String> out = new ArrayList<>();
    out.add("commas=" + text.split(",").length);
    out.add("lines=" + text.split("\n").length);
    out.add("dots=" + text.split(".").length);
    out.add("chars=" + text.split("").length);
    String[] tokens = text.trim().split(SPACES);
    out.add("tokens=" + tokens.length + ":" + String.join("|", tokens));
    String[] fields = text.split("[,;]\\s*");
    for (String f : fields) {
      out.add("[" + f + "]");
    }
    out.add(words.count(List.of(text.split(" "))));
    return out;
  }
}
