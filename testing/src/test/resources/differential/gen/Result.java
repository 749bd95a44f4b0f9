package gen;

import java.util.List;

public record Result(int i, int j, long l, double d, boolean b, String s, List<String> log) {}
