package golden.core;

import java.util.List;

public record Order(String id, Customer customer, List<Integer> quantities, double unitPrice) {}
