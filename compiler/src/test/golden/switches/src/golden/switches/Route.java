package golden.switches;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/** Switch statements and expressions on strings and enums, arrow and colon forms, yield. */
@Workflow
public class Route {
  private final Routing routing = Durable.activities(Routing.class);

  @WorkflowMethod
  public String run(Ticket ticket) {
    String team;
    switch (ticket.channel()) {
      case "email":
      case "form":
        team = "support";
        break;
      case "phone":
        team = "voice";
        break;
      default:
        team = "general";
    }
    int sla =
        switch (ticket.priority()) {
          case URGENT -> 1;
          case HIGH -> 4;
          case NORMAL, LOW -> {
            int base = ticket.age() > 10 ? 24 : 48;
            yield base;
          }
        };
    switch (ticket.priority()) {
      case URGENT -> team = routing.assign(team);
      default -> {}
    }
    return team + "/" + sla;
  }
}
