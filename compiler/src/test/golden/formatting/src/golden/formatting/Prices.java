package golden.formatting;

import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;
import java.util.Locale;

/** Amounts with a fixed number of decimals: Java rounds half up on the double's shortest digits. */
@Workflow
public class Prices {
  @WorkflowMethod
  public String run(List<Double> amounts) {
    String out = "";
    for (double x : amounts) {
      double taxed = x * 1.1;
      out = out + String.format(Locale.ROOT, "%.2f|%.1f|%.0f|%8.3f|%-8.2f|%08.2f|%f|%.2f%n", x, x, x, x, x, x, x, taxed);
    }
    return out;
  }
}
