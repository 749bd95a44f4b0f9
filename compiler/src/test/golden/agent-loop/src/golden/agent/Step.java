package golden.agent; public record Step(int round, String text, int tokens) {}
