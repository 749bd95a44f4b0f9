package golden.agent;
import dev.statecraft.api.Callback;
public class LlmImpl implements Llm {
  public Reply call(String prompt, String model) {
    if (prompt.startsWith("urgent")) return new Reply("needs a human", model, 7, Verdict.ESCALATE);
    if (prompt.endsWith("#1")) return new Reply("try again please", model, 12, Verdict.RETRY);
    return new Reply("all done here", model, 30, Verdict.DONE);
  }
  public String summarize(String text) { return text.toUpperCase(); }
  public void notifyHuman(String prompt, Callback cb) {}
}
