package golden.core;

import java.util.List;

public record Quote(String label, long total, double average, int half, int rest, List<String> tags, Address shipTo) {}
