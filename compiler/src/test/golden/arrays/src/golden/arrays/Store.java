package golden.arrays;

import dev.statecraft.api.Activities;
import java.util.List;

@Activities
public interface Store {
  String[] tags(int count);

  int save(String[] tags, List<String> keys);
}
