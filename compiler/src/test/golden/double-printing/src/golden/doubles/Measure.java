package golden.doubles;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/**
 * Doubles printed into text: each prints as Java's {@code Double.toString} does, the shortest
 * decimal that reads back as the same double, on every target.
 */
@Workflow
public class Measure {
  private final Meter meter = Durable.activities(Meter.class);

  @WorkflowMethod
  public String run(Sample s) {
    double ratio = s.hits() / s.total();
    double reading = meter.read(s.hits());
    Sample scaled = new Sample(s.hits() * 3.6, s.total() + 0.1);
    return "ratio="
        + ratio
        + " sum="
        + (s.hits() + 0.2)
        + " scaled="
        + scaled
        + " list="
        + List.of(ratio, s.total(), -ratio)
        + " reading="
        + reading
        + " tiny="
        + Double.toString(s.hits() * 1e-5)
        + " huge="
        + String.valueOf(s.total() * 1e9)
        + " whole="
        + s.total();
  }
}
