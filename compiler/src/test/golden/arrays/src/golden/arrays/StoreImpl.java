package golden.arrays;

import java.util.List;

public class StoreImpl implements Store {
  @Override
  public String[] tags(int count) {
    String[] tags = new String[count];
    for (int i = 0; i < count; i++) {
      tags[i] = "t" + i;
    }
    return tags;
  }

  @Override
  public int save(String[] tags, List<String> keys) {
    return tags.length * 10 + keys.size();
  }
}
