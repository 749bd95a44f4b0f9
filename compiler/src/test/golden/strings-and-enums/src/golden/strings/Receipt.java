package golden.strings;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/**
 * A {@code StringBuilder} local: each appended value converted as Java's string conversion does
 * (numbers, booleans, lists, records, null), read with {@code length()}, {@code isEmpty()}, {@code
 * toString()} and in concatenation, and started over with a new builder.
 */
@Workflow
public class Receipt {
  private final Ledger ledger = Durable.activities(Ledger.class);

  @WorkflowMethod
  public String run(Order o) {
    StringBuilder sb = new StringBuilder("Receipt");
    sb.append(" for ").append(o.customer()).append(":");
    int count = 0;
    for (int i = 0; i < o.items().size(); i++) {
      sb.append("\n").append(i + 1).append(". ").append(o.items().get(i));
      sb.append(" x").append(o.quantities().get(i));
      count += o.quantities().get(i);
    }
    var flags = new StringBuilder();
    flags.append(count > 2).append("/").append(o.discount() * count).append("/").append(o.items());
    flags.append("/").append(o.note());
    o.items().forEach(item -> flags.append(",").append(item.length()));
    ledger.record("" + sb + " | " + flags);
    String head = sb.length() > 20 ? sb.toString().substring(0, 20) : sb.toString();
    boolean empty = flags.isEmpty();
    sb = new StringBuilder();
    sb.append(head).append("|").append(flags).append("|").append(String.valueOf(sb.length()));
    sb.append("|").append(empty).append("|").append(new Line(o.customer(), count));
    return sb.toString();
  }
}
