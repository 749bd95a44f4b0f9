package golden.throwingintry;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Workflow code that throws inside try: Java's exception reaches the catch that handles its class
 * (with the assignments before it made) and runs the finally blocks, activities and all; an
 * exception that leaves a finally reaches the enclosing try's catch.
 */
@Workflow
public class ThrowingInTry {
  private final Steps steps = Durable.activities(Steps.class);

  @WorkflowMethod
  public String run(Order order) {
    List<String> log = new ArrayList<>();
    try {
      log.add("picking");
      String item = order.items().get(order.pick());
      log.add("picked " + item);
    } catch (IndexOutOfBoundsException e) {
      log.add("no such item: " + e.getMessage());
    }
    try {
      log.add("coupon " + order.coupon().length());
    } catch (NullPointerException e) {
      log.add("no coupon");
    } finally {
      log.add(steps.note("coupon checked"));
    }
    try {
      if (order.items().get(order.pick() - 1).isEmpty()) {
        log.add("empty item");
      }
    } catch (Exception e) {
      log.add("caught " + e.getMessage());
    }
    try {
      try {
        log.add("last " + order.items().get(order.pick() + 1));
      } finally {
        log.add(steps.note("inner finally"));
      }
    } catch (RuntimeException e) {
      log.add("outer caught");
    }
    try {
      try {
        log.add(steps.note(order.coupon() == null ? "boom" : "fine"));
      } finally {
        log.add("inner cleanup");
      }
    } catch (StepFailed e) {
      // An activity's exception raised again after a finally reaches the enclosing catch.
      log.add("step failed: " + e.getMessage());
    }
    try {
      return order.items().get(order.pick()) + " " + log;
    } finally {
      steps.note("done");
    }
  }
}
