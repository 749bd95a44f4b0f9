package golden.agent; import java.util.Map; public record Outcome(String state, int rounds, int tokens, String report, Map<String,Integer> usage) {}
