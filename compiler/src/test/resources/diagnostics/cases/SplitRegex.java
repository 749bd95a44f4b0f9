package diag;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

@Workflow
public class SplitRegex {
  @WorkflowMethod
  public int run(String in) {
    String sep = in.substring(0, 1);
    // BUG: UNSUPPORTED_CALL 22
    int a = in.split(sep).length;
    // BUG: UNSUPPORTED_CALL 22
    int b = in.split("|").length;
    // BUG: UNSUPPORTED_CALL 22
    int c = in.split("\\p{Punct}").length;
    // BUG: UNSUPPORTED_CALL 22
    int d = in.split("(?<=,)").length;
    // BUG: UNSUPPORTED_CALL 22
    int e = in.split("[a-z&&[^aeiou]]").length;
    // BUG: UNSUPPORTED_CALL 22
    int f = in.split("(unclosed").length;
    return a + b + c + d + e + f;
  }
}
