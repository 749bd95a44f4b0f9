package dev.statecraft.bench.cost.parallellookup;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Pair;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;

/** AWS docs pattern "Parallel state": two lookups at once, their results combined. */
@Workflow
public class ParallelLookup {
  private final Directory directory = Durable.activities(Directory.class);

  @WorkflowMethod
  public Contact run(String person) {
    Pair<String, String> found =
        Durable.parallel(() -> directory.address(person), () -> directory.phone(person));
    return new Contact(person, found.first(), found.second());
  }
}
