package golden.throwingintry;

import java.util.List;

public record Order(List<String> items, int pick, String coupon) {}
