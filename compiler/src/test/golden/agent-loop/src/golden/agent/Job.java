package golden.agent; public record Job(String prompt) {}
