package golden.splitting;

import dev.statecraft.api.Activities;
import java.util.List;

@Activities
public interface Words {
  String count(List<String> words);
}
