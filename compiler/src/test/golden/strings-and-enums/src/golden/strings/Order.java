package golden.strings;

import java.util.List;

public record Order(
    String customer, List<String> items, List<Integer> quantities, double discount, String note) {}
