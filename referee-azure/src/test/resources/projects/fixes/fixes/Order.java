package fixes;

import java.util.List;

public record Order(String id, List<String> items) {}
