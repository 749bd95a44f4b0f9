package golden.arrays;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Arrays as Java users meet them: what String.split returns, read by index and length. */
@Workflow
public class Settings {
  private final Store store = Durable.activities(Store.class);

  @WorkflowMethod
  public String run(String text) {
    String[] pairs = text.split(";");
    List<String> keys = new ArrayList<>();
    String first = pairs.length > 0 ? pairs[0] : "";
    for (String pair : pairs) {
      String[] kv = pair.split("=");
      if (kv.length == 2) {
        keys.add(kv[0].trim());
      }
    }
    String[] tags = store.tags(keys.size());
    List<String> all = new ArrayList<>(List.of(tags));
    all.addAll(Arrays.asList(pairs));
    int saved = store.save(tags, keys);
    String last = pairs[pairs.length - 1];
    return first
        + " | "
        + last
        + " | "
        + String.join(",", keys)
        + " | "
        + String.join("/", tags)
        + " | "
        + all.size()
        + " | "
        + saved
        + " | "
        + text.split("=")[0].length();
  }
}
