package golden.formatting;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.Locale;

/** Aligned columns, zero-padded amounts and grouped digits, as agent messages print them. */
@Workflow
public class Receipt {
  private final Labels labels = Durable.activities(Labels.class);

  @WorkflowMethod
  public String run(Line l) {
    String row = String.format("[%-8s|%5s|%3d|%-4d|%05d]", l.item(), l.item(), l.quantity(), l.change(), l.change());
    String money =
        String.format(Locale.ROOT, "%,d views, %,12d, %,07d; $%d.%02d", l.views(), l.views(), l.change(), l.cents() / 100, l.cents() % 100);
    String wide = String.format(Locale.US, "%10s|%-10s|%,d", l.quantity(), l.cents(), l.quantity());
    return String.format("%6s", labels.tag(l.quantity())) + row + "\n" + money + "\n" + wide;
  }
}
