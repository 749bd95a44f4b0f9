package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class UncatchableErrors {
  @WorkflowMethod
  public int run(String in) {
    int n = 0;
    // BUG: UNCATCHABLE_ERROR 5
    try {
      n = Integer.parseInt(in);
    } catch (NumberFormatException e) {
      n = -1;
    }
    // BUG: UNCATCHABLE_ERROR 5
    try {
      n = 100 / n;
    } catch (ArithmeticException e) {
      n = 0;
    }
    // BUG: UNCATCHABLE_ERROR 5
    try {
      n = n % in.length();
    } catch (RuntimeException e) {
      n = 1;
    }
    try {
      n = n / 2;
    } catch (ArithmeticException e) {
      n = 2;
    }
    return n;
  }
}
