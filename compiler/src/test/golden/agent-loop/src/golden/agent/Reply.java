package golden.agent; public record Reply(String text, String model, int tokens, Verdict verdict) {}
