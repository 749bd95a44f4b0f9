package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.Locale;

@Workflow
public class FormatAndRound {
  @WorkflowMethod
  public String run(String in) {
    // BUG: UNSUPPORTED_CALL 34
    String price = String.format("%.8f", 1.5);
    // BUG: TYPE_MISMATCH 55
    String whole = String.format(Locale.ROOT, "%.2f", in.length());
    // BUG: UNSUPPORTED_CALL 34
    String local = String.format("%.2f", 2.5);
    // BUG: UNSUPPORTED_CALL 36
    String pattern = String.format(in, 1);
    // BUG: TYPE_MISMATCH 46
    String count = String.format("%d items", 1.5);
    // BUG: TYPE_MISMATCH 14
    long r = Math.round(in.length());
    return price + whole + local + pattern + count + r;
  }
}
