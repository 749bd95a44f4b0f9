package golden.nested;

import java.util.List;

public class RowsImpl implements Rows {
  @Override
  public String echo(String s) {
    return s;
  }

  @Override
  public List<String> pair(String s) {
    return List.of(s + "1", s + "2");
  }
}
