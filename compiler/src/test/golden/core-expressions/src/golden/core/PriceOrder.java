package golden.core;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/** Arithmetic, comparisons, strings, records and lists with Java's meaning on every target. */
@Workflow
public class PriceOrder {
  private static final int BULK = 10;

  private final PricingActivities pricing = Durable.activities(PricingActivities.class);

  @WorkflowMethod
  public Quote run(Order order) {
    int count = order.quantities().size();
    int first = order.quantities().get(0);
    long units = first + (count > 1 ? order.quantities().get(1) : 0);
    int discount = pricing.discountPercent(order.customer());
    double gross = units * order.unitPrice();
    long total = (long) (gross * (100 - discount) / 100);
    double average = count == 0 ? 0 : gross / count;
    int half = first / 2;
    int rest = first % 3;
    boolean bulk = units >= BULK && !order.customer().vip();
    String city = order.customer().address().city();
    String label = "order " + order.id() + " for " + order.customer().name() + " (" + city + "): "
        + units + " units, avg " + average + ", bulk=" + bulk;
    List<String> tags = List.of(city.toUpperCase(), bulk ? "bulk" : "retail", String.valueOf(discount));
    Address shipTo = new Address(city, order.customer().address().zip());
    if (order.id().equals("test") || shipTo.equals(order.customer().address()) && half > 100) {
      label = label + " [flagged]";
    }
    return new Quote(label, total, average, half, rest, tags, shipTo);
  }
}
