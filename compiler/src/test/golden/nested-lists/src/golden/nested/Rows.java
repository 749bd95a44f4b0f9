package golden.nested;

import dev.statecraft.api.Activities;
import java.util.List;

@Activities
public interface Rows {
  String echo(String s);

  List<String> pair(String s);
}
