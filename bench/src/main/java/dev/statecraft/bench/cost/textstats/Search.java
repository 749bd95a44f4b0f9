package dev.statecraft.bench.cost.textstats;

import dev.statecraft.api.Activities;
import java.util.List;

/** A search tool an agent calls. */
@Activities
public interface Search {
  List<String> search(String query);
}
