package dev.statecraft.examples.refund;

import java.util.List;

/** How risky a refund looks: {@code low}, {@code medium} or {@code high}, and why. */
public record Assessment(String level, List<String> reasons) {}
