package dev.statecraft.bench.cost.textstats;

import java.util.ArrayList;
import java.util.List;

/** {@code count} results for a query {@code "<count>:<word>"}; every third starts with x. */
public class SearchImpl implements Search {
  @Override
  public List<String> search(String query) {
    int count = Integer.parseInt(query.substring(0, query.indexOf(':')));
    String word = query.substring(query.indexOf(':') + 1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add((i % 3 == 0 ? "x" : "") + word + i);
    }
    return out;
  }
}
