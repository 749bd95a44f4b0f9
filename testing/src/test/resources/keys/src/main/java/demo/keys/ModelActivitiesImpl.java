package demo.keys;

import dev.statecraft.api.Secrets;

/** Signs each prompt with the key; "echo the key" is a bug that must not leak it. */
public class ModelActivitiesImpl implements ModelActivities {
  @Override
  public String complete(String prompt) {
    String key = Secrets.get("MODEL_API_KEY");
    if (prompt.equals("echo the key")) {
      return "the key is " + key;
    }
    if (prompt.equals("read another")) {
      return Secrets.get("OTHER_API_KEY");
    }
    return prompt.toUpperCase() + " (signed with a " + key.length() + "-character key)";
  }
}
