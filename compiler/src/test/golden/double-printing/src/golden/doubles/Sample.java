package golden.doubles;

public record Sample(double hits, double total) {}
