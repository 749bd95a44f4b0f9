package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.Locale;

@Workflow
public class FormatFlags {
  @WorkflowMethod
  public String run(int n) {
    // BUG: UNSUPPORTED_CALL 36
    String grouped = String.format("%,d", n);
    // BUG: UNSUPPORTED_CALL 35
    String german = String.format(Locale.GERMANY, "%,d", n);
    // BUG: UNSUPPORTED_CALL 36
    String noWidth = String.format("%-d", n);
    // BUG: UNSUPPORTED_CALL 37
    String zeroText = String.format("%05s", "x");
    // BUG: UNSUPPORTED_CALL 32
    String hex = String.format("%x", n);
    // BUG: UNSUPPORTED_CALL 33
    String plus = String.format("%+d", n);
    // BUG: UNSUPPORTED_CALL 36
    String indexed = String.format("%1$s %1$s", "a");
    return grouped + german + noWidth + zeroText + hex + plus + indexed;
  }
}
