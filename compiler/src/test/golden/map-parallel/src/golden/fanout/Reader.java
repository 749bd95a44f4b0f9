package golden.fanout;

import dev.statecraft.api.Activities;

@Activities
public interface Reader {
  Page fetch(String url);

  String summarize(Page page);

  String title(String url);
}
