package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class SharedBuilders {
  @WorkflowMethod
  public String run(String in) {
    StringBuilder sb = new StringBuilder();
    sb.append(in).append(1).append(in.length() > 2);
    // BUG: UNSUPPORTED_EXPRESSION 27
    StringBuilder alias = sb;
    // BUG: UNSUPPORTED_EXPRESSION 27
    StringBuilder sized = new StringBuilder(16);
    // BUG: UNSUPPORTED_CALL 20
    boolean same = sb.equals(sized);
    // BUG: UNSUPPORTED_CALL 16
    String t = sb.append("x").toString();
    // BUG: UNSUPPORTED_CALL 5
    sb.insert(0, "x");
    // BUG: UNSUPPORTED_EXPRESSION 20
    boolean none = sb == null;
    return "" + sb + String.valueOf(sb) + sb.length() + sb.isEmpty() + alias + same + t + none;
  }
}
