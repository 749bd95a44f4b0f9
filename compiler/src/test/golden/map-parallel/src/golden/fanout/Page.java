package golden.fanout;

public record Page(String url, int words) {}
