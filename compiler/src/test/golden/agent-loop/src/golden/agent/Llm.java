package golden.agent;
import dev.statecraft.api.*;
@Activities
public interface Llm {
  @Activity(timeout = "PT30S", retry = @Retry(maxAttempts = 3, initialInterval = "PT1S", retryOn = Overloaded.class))
  Reply call(String prompt, String model);
  String summarize(String text);
  void notifyHuman(String prompt, Callback cb);
}
