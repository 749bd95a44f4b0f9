package golden.fanout;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Pair;
import dev.statecraft.api.Triple;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.List;

/** Durable.map with a limit and a block body; Durable.parallel of two and three branches. */
@Workflow
public class Digest {
  private final Reader reader = Durable.activities(Reader.class);

  @WorkflowMethod
  public String run(List<String> urls) {
    List<Page> pages = Durable.map(urls, 3, reader::fetch);
    List<String> summaries =
        Durable.map(
            pages,
            page -> {
              if (page.words() < 50) {
                return "short: " + page.url();
              }
              return reader.summarize(page);
            });
    Pair<String, String> titles = Durable.parallel(() -> reader.title(urls.get(0)), () -> reader.title(urls.get(1)));
    Triple<Integer, Integer, String> stats =
        Durable.parallel(() -> pages.size(), () -> summaries.size(), () -> reader.title("done"));
    return titles.first() + "|" + titles.second() + "|" + String.join(";", summaries) + "|" + stats.first() + stats.second() + stats.third();
  }
}
