package golden.shortcircuit;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/**
 * Activity calls inside expressions run exactly when Java would run them, and what Java evaluates
 * before a call (here a division that may fail) fails before the call runs.
 */
@Workflow
public class Gate {
  private final Checks checks = Durable.activities(Checks.class);

  @WorkflowMethod
  public String run(String user) {
    boolean ok = !user.equals("root") && checks.isAllowed(user);
    int limit = ok ? checks.quota(user) * 2 : 0;
    int shares = user.startsWith("#") ? 0 : 1;
    int each = 10 / shares + checks.quota(user);
    return user + ": " + (checks.quota(user) + limit) + (ok ? " allowed" : " denied") + " " + each;
  }
}
